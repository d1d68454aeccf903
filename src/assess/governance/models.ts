import { validateModelCard, type ModelCard, type ModelCardFinding } from '../../modelcard/index.js';
import { InputError } from '../../util/errors.js';
import type { AssessContext } from '../context.js';
import type { ManifestModel } from '../manifest.js';
import { cardCustomization } from '../model-cards.js';
import { at, fail, pass, perItem, unknown, type GovernanceCheck } from './types.js';

const models = (ctx: AssessContext, which: (m: ManifestModel) => boolean = () => true) =>
  ctx.manifest.models.flatMap((m, i) =>
    which(m) ? [{ item: m, path: ['models', i] as PropertyKey[], name: `model '${m.id}'` }] : [],
  );

const thirdParty = (m: ManifestModel): boolean => m.customization !== 'self-trained' && m.provider !== 'self';
const trainedHere = (m: ManifestModel): boolean => m.customization !== 'none' || m.provider === 'self';

const NO_CARD = 'has no model card (models[].modelCard or a card in paths.modelCards)';

/**
 * The card's error-level findings as `aigis modelcard validate --manifest --review-cadence` reports them, so
 * assess and the command cannot disagree on what a complete card is. Undefined when the cadence in aigis.yaml
 * is one the validator cannot measure (the manifest schema lets `0d` through).
 */
function cardErrors(
  ctx: AssessContext,
  model: ManifestModel,
  card: ModelCard,
): ModelCardFinding[] | undefined {
  try {
    return validateModelCard(card, {
      reviewCadence: ctx.manifest.review.cadence,
      now: ctx.now,
      customization: cardCustomization(model),
    }).filter((f) => f.level === 'error');
  } catch (err) {
    if (err instanceof InputError) return undefined;
    throw err;
  }
}

export const modelCardWithRiskRating: GovernanceCheck = {
  control: 'model-card-with-risk-rating',
  checks:
    'each model has a model card that `aigis modelcard validate` finds complete (description, owner, intended uses, risk rating, training data, evaluation metrics, limitations, no TODOs) and reviewed within review.cadence',
  evaluate: (ctx) => {
    const items = models(ctx);
    if (items.length === 0) return [unknown('no models declared')];
    return items.map(({ item: m, path, name }) => {
      const facts = ctx.cards.get(m.id);
      if (!facts) return fail(`${name}: ${NO_CARD}`, at(ctx, path));
      const errors = cardErrors(ctx, m, facts.card);
      if (!errors)
        return fail(
          `${name}: review.cadence ${ctx.manifest.review.cadence} is not a positive period to measure the card's review against`,
          at(ctx, ['review', 'cadence']),
        );
      const first = errors[0];
      if (!first)
        return pass(`${name}: model card complete and reviewed within the cadence`, {
          file: facts.file,
          field: 'model card',
        });
      // Point at the first problem in the card, as the validator does.
      return fail(
        `${name}: model card incomplete: ${errors.map((f) => `${f.field}: ${f.message}`).join('; ')}`,
        {
          file: facts.file,
          ...(first.line === undefined ? {} : { line: first.line }),
          field: first.field,
        },
      );
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
