import type { AssessContext } from '../context.js';
import type { ManifestDataset } from '../manifest.js';
import { at, fail, pass, perItem, unknown, type GovernanceCheck } from './types.js';

const datasets = (ctx: AssessContext, which: (d: ManifestDataset) => boolean = () => true) =>
  ctx.manifest.datasets.flatMap((d, i) =>
    which(d) ? [{ item: d, path: ['datasets', i] as PropertyKey[], name: `dataset '${d.id}'` }] : [],
  );
const training = (ctx: AssessContext) => {
  const ids = new Set(ctx.trainingDatasets.map((d) => d.id));
  return datasets(ctx, (d) => ids.has(d.id));
};
const NO_DATA = 'no datasets declared in aigis.yaml';
const NO_TRAINING = 'no training datasets declared';

export const dataClassificationApplied: GovernanceCheck = {
  control: 'data-classification-applied',
  checks: 'every dataset is classified (the schema requires it) and at least one dataset is declared',
  evaluate: (ctx) => perItem(ctx, datasets(ctx), () => undefined, 'classified', NO_DATA),
};

export const dataClassificationForInputs: GovernanceCheck = {
  control: 'data-classification-for-ai-inputs',
  checks: 'the data sent to the AI service is declared with a classification',
  evaluate: (ctx) => perItem(ctx, datasets(ctx), () => undefined, 'classified', NO_DATA),
};

export const dataRolesAssigned: GovernanceCheck = {
  control: 'data-roles-assigned',
  checks: 'every dataset names an owner, a steward and a custodian',
  evaluate: (ctx) =>
    perItem(
      ctx,
      datasets(ctx),
      (d) => {
        const missing = (['owner', 'steward', 'custodian'] as const).filter((k) => !d[k]);
        return missing.length ? `no ${missing.join(', ')}` : undefined;
      },
      'owner, steward and custodian named',
      NO_DATA,
    ),
};

export const dataRetention: GovernanceCheck = {
  control: 'data-retention-and-disposal',
  checks: 'every dataset declares a retention period',
  evaluate: (ctx) =>
    perItem(
      ctx,
      datasets(ctx),
      (d) => (d.retention ? undefined : 'no retention period'),
      'retention set',
      NO_DATA,
    ),
};

export const dataResidency: GovernanceCheck = {
  control: 'data-residency-enforced',
  checks: 'every dataset declares allowedRegions and its residency lies inside them',
  evaluate: (ctx) =>
    perItem(
      ctx,
      datasets(ctx),
      (d) => {
        if (d.allowedRegions.length === 0) return 'no allowedRegions declared';
        if (d.residency.length === 0) return 'no residency declared';
        const outside = d.residency.filter((r) => !d.allowedRegions.includes(r));
        return outside.length
          ? `stored in ${outside.join(', ')}, outside the allowed regions ${d.allowedRegions.join(', ')}`
          : undefined;
      },
      'stored inside its allowed regions',
      NO_DATA,
    ),
};

export const dataLineage: GovernanceCheck = {
  control: 'data-lineage-recorded',
  checks: 'every training dataset says where its lineage is recorded',
  evaluate: (ctx) =>
    perItem(
      ctx,
      training(ctx),
      (d) => (d.lineage ? undefined : 'no lineage'),
      'lineage recorded',
      NO_TRAINING,
    ),
};

export const dataProvenance: GovernanceCheck = {
  control: 'data-provenance-and-licensing',
  checks: 'every training dataset has an owner, a description and lineage or a sharing agreement',
  evaluate: (ctx) =>
    perItem(
      ctx,
      training(ctx),
      (d) => {
        const missing = [
          d.owner ? undefined : 'owner',
          d.description ? undefined : 'description',
          d.lineage || d.sharingAgreement ? undefined : 'lineage or sharingAgreement',
        ].filter(Boolean);
        return missing.length ? `no ${missing.join(', ')}` : undefined;
      },
      'source and terms recorded',
      NO_TRAINING,
    ),
};

export const datasetVersioning: GovernanceCheck = {
  control: 'dataset-versioning-enabled',
  checks: 'every training dataset records the sha256 of the version used',
  evaluate: (ctx) =>
    perItem(
      ctx,
      training(ctx),
      (d) => (d.sha256 ? undefined : 'no sha256 of the version used'),
      'version pinned by hash',
      NO_TRAINING,
    ),
};

export const dataQuality: GovernanceCheck = {
  control: 'data-quality-checks',
  checks: 'every training dataset sets qualityChecks: true',
  evaluate: (ctx) =>
    perItem(
      ctx,
      training(ctx),
      (d) => (d.qualityChecks ? undefined : 'qualityChecks not declared'),
      'quality checks run',
      NO_TRAINING,
    ),
};

export const piiDiscovery: GovernanceCheck = {
  control: 'pii-discovery-before-training',
  checks: 'every training dataset sets piiScanned: true',
  evaluate: (ctx) =>
    perItem(
      ctx,
      training(ctx),
      (d) => (d.piiScanned ? undefined : 'PII discovery not declared (piiScanned)'),
      'scanned for PII',
      NO_TRAINING,
    ),
};

export const dataPoisoningScreening: GovernanceCheck = {
  control: 'data-poisoning-screening',
  checks: 'training datasets pass quality checks and are pinned by hash (changes are detectable)',
  evaluate: (ctx) => {
    const items = training(ctx);
    if (items.length === 0)
      return [unknown('no training datasets; screen retrieved content with the runtime guard')];
    return items.map(({ item: d, path, name }) =>
      d.qualityChecks && d.sha256
        ? pass(`${name}: quality-checked and pinned`, at(ctx, path))
        : fail(`${name}: needs qualityChecks and sha256`, at(ctx, path)),
    );
  },
};

export const dataChecks: readonly GovernanceCheck[] = [
  dataClassificationApplied,
  dataClassificationForInputs,
  dataRolesAssigned,
  dataRetention,
  dataResidency,
  dataLineage,
  dataProvenance,
  datasetVersioning,
  dataQuality,
  piiDiscovery,
  dataPoisoningScreening,
];
