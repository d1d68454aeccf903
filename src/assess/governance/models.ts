import type { AssessContext } from '../context.js';
import type { ManifestModel } from '../manifest.js';
import { ageDays, at, durationDays, fail, pass, perItem, unknown, type GovernanceCheck } from './types.js';

const models = (ctx: AssessContext, which: (m: ManifestModel) => boolean = () => true) =>
  ctx.manifest.models.flatMap((m, i) =>
    which(m) ? [{ item: m, path: ['models', i] as PropertyKey[], name: `model '${m.id}'` }] : [],
  );

const thirdParty = (m: ManifestModel): boolean => m.customization !== 'self-trained' && m.provider !== 'self';
const trainedHere = (m: ManifestModel): boolean => m.customization !== 'none' || m.provider === 'self';

/** What a model card lacks to count as complete, or why it is stale. */
function cardProblems(ctx: AssessContext, model: ManifestModel): string[] {
  const card = ctx.cards.get(model.id);
  if (!card) return ['has no model card (models[].modelCard or a card in paths.modelCards)'];
  const problems: string[] = [];
  if (!card.description) problems.push('model card has no model_overview.model_description');
  if (!card.intendedUses) problems.push('model card has no intended_uses.intended_uses');
  if (!card.riskRating || card.riskRating === 'Unknown')
    problems.push('model card risk_rating is missing or Unknown');
  if (card.evaluationCount === 0) problems.push('model card has no evaluation_details');
  const reviewed = card.lastReviewed ?? ctx.manifest.review.lastReviewed;
  const cadence = ctx.manifest.review.cadence;
  if (!reviewed)
    problems.push(
      'no review date (additional_information.custom_details.last_reviewed or review.lastReviewed)',
    );
  else if (ageDays(reviewed, ctx.now) > durationDays(cadence))
    problems.push(`last reviewed ${reviewed}, older than the review cadence ${cadence}`);
  return problems;
}

export const modelCardWithRiskRating: GovernanceCheck = {
  control: 'model-card-with-risk-rating',
  checks:
    'each model has a complete model card (description, intended uses, risk rating, evaluation results) reviewed within review.cadence',
  evaluate: (ctx) => {
    const items = models(ctx);
    if (items.length === 0) return [unknown('no models declared')];
    return items.map(({ item: m, path, name }) => {
      const card = ctx.cards.get(m.id);
      // Point at the card when there is one, else at the model entry that lacks it.
      const where = card ? { file: card.file, field: 'model card' } : at(ctx, path);
      const problems = cardProblems(ctx, m);
      return problems.length
        ? fail(`${name}: ${problems.join('; ')}`, where)
        : pass(`${name}: model card complete and reviewed within the cadence`, where);
    });
  },
};

export const modelEvaluationBeforeRelease: GovernanceCheck = {
  control: 'model-evaluation-before-release',
  checks: 'each model card records evaluation results',
  evaluate: (ctx) =>
    perItem(
      ctx,
      models(ctx),
      (m) => {
        const card = ctx.cards.get(m.id);
        if (!card) return 'has no model card to record evaluation results';
        return card.evaluationCount === 0 ? 'model card has no evaluation_details' : undefined;
      },
      'evaluation results recorded in the model card',
      'no models declared',
    ),
};

export const aiRiskAssessment: GovernanceCheck = {
  control: 'ai-risk-assessment',
  checks: 'each model card carries a risk rating other than Unknown',
  evaluate: (ctx) =>
    perItem(
      ctx,
      models(ctx),
      (m) => {
        const rating = ctx.cards.get(m.id)?.riskRating;
        return rating && rating !== 'Unknown'
          ? undefined
          : 'no risk rating (model card intended_uses.risk_rating)';
      },
      'risk rated in its model card',
      'no models declared',
    ),
};

export const documentedLimitations: GovernanceCheck = {
  control: 'documented-limitations-and-intended-use',
  checks: 'intendedUses and outOfScopeUses in aigis.yaml, and intended uses in each model card',
  evaluate: (ctx) => {
    const m = ctx.manifest;
    const out = [
      m.intendedUses.length > 0 && m.outOfScopeUses.length > 0
        ? pass('intended and out-of-scope uses are declared', at(ctx, ['intendedUses']))
        : fail('aigis.yaml needs intendedUses and outOfScopeUses', at(ctx, [])),
    ];
    for (const model of m.models) {
      const card = ctx.cards.get(model.id);
      if (card && !card.intendedUses)
        out.push(fail(`model '${model.id}': model card has no intended uses`, { file: card.file }));
    }
    return out;
  },
};

export const foundationModelVersionPinned: GovernanceCheck = {
  control: 'foundation-model-version-pinned',
  checks: 'each third-party model sets versionPinned: true',
  evaluate: (ctx) =>
    perItem(
      ctx,
      models(ctx, thirdParty),
      (m) => (m.versionPinned ? undefined : 'version not pinned (versionPinned: false)'),
      'version pinned',
      'no third-party models',
    ),
};

export const modelDeprecationPlan: GovernanceCheck = {
  control: 'model-deprecation-plan',
  checks: 'each third-party model has a deprecationPlan',
  evaluate: (ctx) =>
    perItem(
      ctx,
      models(ctx, thirdParty),
      (m) => (m.deprecationPlan ? undefined : 'no deprecationPlan'),
      'deprecation plan recorded',
      'no third-party models',
    ),
};

export const modelProvenanceVerified: GovernanceCheck = {
  control: 'model-provenance-verified',
  checks:
    'models trained or tuned by the team record the sha256 of their artifact; managed provider models are identified by modelId and version',
  evaluate: (ctx) =>
    perItem(
      ctx,
      models(ctx),
      (m) => {
        if (trainedHere(m)) return m.sha256 ? undefined : 'no sha256 of the model artifact';
        return m.version || m.versionPinned ? undefined : 'provider model without a pinned version';
      },
      'provenance recorded',
      'no models declared',
    ),
};

export const modelVersioningEnabled: GovernanceCheck = {
  control: 'model-versioning-enabled',
  checks: 'each model names its version',
  evaluate: (ctx) =>
    perItem(
      ctx,
      models(ctx),
      (m) => (m.version ? undefined : 'no version'),
      'versioned',
      'no models declared',
    ),
};

export const aiBillOfMaterials: GovernanceCheck = {
  control: 'ai-bill-of-materials',
  checks: 'every model has provider, modelId and version, every dataset a location (the inputs of an ML-BOM)',
  evaluate: (ctx) => {
    const out = perItem(
      ctx,
      models(ctx),
      (m) => (m.version ? undefined : 'no version for the bill of materials'),
      'listed with provider, id and version',
      'no models declared',
    );
    ctx.manifest.datasets.forEach((d, i) => {
      if (!d.location)
        out.push(fail(`dataset '${d.id}': no location for the bill of materials`, at(ctx, ['datasets', i])));
    });
    return out;
  },
};

export const trainingPipelineReproducible: GovernanceCheck = {
  control: 'training-pipeline-reproducible',
  checks: 'trained models record their artifact hash and every training dataset its hash and lineage',
  evaluate: (ctx) => {
    const trained = models(ctx, trainedHere);
    if (trained.length === 0) return [unknown('no model trained by the team')];
    return trained.map(({ item: m, path, name }) => {
      const problems = [
        m.sha256 ? undefined : 'no model sha256',
        m.trainingDatasets.length === 0 ? 'no trainingDatasets' : undefined,
        ...m.trainingDatasets.map((id) => {
          const d = ctx.manifest.datasets.find((x) => x.id === id);
          return d && (!d.sha256 || !d.lineage) ? `dataset '${id}' lacks sha256 or lineage` : undefined;
        }),
      ].filter((p): p is string => p !== undefined);
      return problems.length
        ? fail(`${name}: ${problems.join('; ')}`, at(ctx, path))
        : pass(`${name}: artifact and data pinned, lineage recorded`, at(ctx, path));
    });
  },
};

export const modelChecks: readonly GovernanceCheck[] = [
  modelCardWithRiskRating,
  modelEvaluationBeforeRelease,
  aiRiskAssessment,
  documentedLimitations,
  foundationModelVersionPinned,
  modelDeprecationPlan,
  modelProvenanceVerified,
  modelVersioningEnabled,
  aiBillOfMaterials,
  trainingPipelineReproducible,
];
