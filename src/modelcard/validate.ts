import { InputError } from '../util/errors.js';
import type { ModelCard } from './read.js';
import type { ModelCardContent } from './schema.js';

/** How a card falls short. `error` makes it incomplete (`aigis modelcard validate` exits 1); `warning` does not. */
export interface ModelCardFinding {
  check: ModelCardCheck;
  level: 'error' | 'warning';
  /** Dotted path of the field, e.g. `intended_uses.risk_rating`. */
  field: string;
  message: string;
  /** Line in the card's file, when the card was read from one. */
  line?: number;
}

export type ModelCardCheck =
  | 'model-identity'
  | 'description'
  | 'owner'
  | 'intended-uses'
  | 'risk-rating'
  | 'risk-explanation'
  | 'training-datasets'
  | 'evaluation-metrics'
  | 'evaluation-datasets'
  | 'caveats'
  | 'ethical-considerations'
  | 'last-reviewed'
  | 'placeholder';

export interface ValidateOptions {
  /** How often the card must be reviewed: days as a number, or `90d`, `12w`, `6m`, `1y`. Default one year. */
  reviewCadence?: number | string;
  /** The date to measure staleness from (tests pin it). */
  now?: Date;
  /**
   * How the model was customised, when known (from aigis.yaml). A model trained or tuned by its owner must
   * list its training datasets; only one used unchanged may point to the provider's documentation instead.
   */
  customization?: ModelCustomization;
}

export type ModelCustomization = 'none' | 'fine-tuned' | 'continued-pretraining' | 'self-trained';

/** The custom_details key that holds the ISO date of the last review. */
export const LAST_REVIEWED_KEY = 'last_reviewed';
export const DEFAULT_REVIEW_CADENCE_DAYS = 365;
const DAY_MS = 86_400_000;
const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };

/** Parses `90d`, `12w`, `6m`, `1y` or a plain number of days. */
export function parseReviewCadence(value: number | string): number {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value > 0) return value;
  } else {
    const m = /^\s*(\d{1,5})\s*([dwmy]?)\s*$/i.exec(value);
    if (m) {
      const days = Number(m[1]) * UNIT_DAYS[(m[2] || 'd').toLowerCase()]!;
      if (days > 0) return days;
    }
  }
  throw new InputError(
    `review cadence: expected a positive number of days or 90d, 12w, 6m, 1y; got "${String(value)}"`,
    {
      field: 'reviewCadence',
    },
  );
}

const filled = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';

/** Every string in the content with its dotted path, for the leftover-TODO check. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value))
    for (let i = 0; i < value.length; i++) yield* strings(value[i], `${path}[${i}]`);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
}

function parseIsoDate(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function contentFindings(c: ModelCardContent, opts: ValidateOptions): Array<Omit<ModelCardFinding, 'line'>> {
  const out: Array<Omit<ModelCardFinding, 'line'>> = [];
  const need = (
    ok: boolean,
    check: ModelCardCheck,
    field: string,
    message: string,
    level: 'error' | 'warning' = 'error',
  ): void => {
    if (!ok) out.push({ check, level, field, message });
  };
  const overview = c.model_overview;
  const uses = c.intended_uses;
  need(
    filled(overview?.model_name) || filled(overview?.model_id),
    'model-identity',
    'model_overview.model_name',
    'names no model (model_name or model_id)',
  );
  need(
    filled(overview?.model_description),
    'description',
    'model_overview.model_description',
    'has no model description',
  );
  need(
    filled(overview?.model_owner),
    'owner',
    'model_overview.model_owner',
    'names no owner accountable for the model',
  );
  need(
    filled(uses?.intended_uses) || filled(uses?.purpose_of_model),
    'intended-uses',
    'intended_uses.intended_uses',
    'states no intended uses',
  );
  const rating = uses?.risk_rating;
  need(
    rating !== undefined && rating !== 'Unknown',
    'risk-rating',
    'intended_uses.risk_rating',
    rating === 'Unknown' ? 'risk rating is Unknown: rate it High, Medium or Low' : 'has no risk rating',
  );
  if (rating !== undefined && rating !== 'Unknown')
    need(
      filled(uses?.explanations_for_risk_rating),
      'risk-explanation',
      'intended_uses.explanations_for_risk_rating',
      `does not explain why the risk is ${rating}`,
      'warning',
    );
  // A provider's foundation model used unchanged has no datasets its user can list; its card says who trained
  // it and where that is documented. A model its owner trained or tuned has no such excuse.
  const listsDatasets = (c.training_details?.training_job_details?.training_datasets?.length ?? 0) > 0;
  const trainedByOwner = opts.customization !== undefined && opts.customization !== 'none';
  need(
    listsDatasets || (!trainedByOwner && filled(c.training_details?.training_observations)),
    'training-datasets',
    'training_details.training_job_details.training_datasets',
    trainedByOwner
      ? `lists no training datasets, and the model is ${opts.customization} according to the manifest`
      : "lists no training datasets (for a provider's foundation model used unchanged, say who trained it and where that is documented in training_details.training_observations)",
  );
  const jobs = c.evaluation_details ?? [];
  const withMetrics = jobs.filter((j) => (j.metric_groups ?? []).some((g) => g.metric_data.length > 0));
  need(
    withMetrics.length > 0,
    'evaluation-metrics',
    'evaluation_details',
    jobs.length === 0 ? 'has no evaluation results' : 'evaluations report no metrics',
  );
  jobs.forEach((job, i) => {
    need(
      (job.datasets?.length ?? 0) > 0,
      'evaluation-datasets',
      `evaluation_details[${i}].datasets`,
      `evaluation "${job.name}" names no dataset`,
      'warning',
    );
  });
  const info = c.additional_information;
  need(
    filled(info?.caveats_and_recommendations),
    'caveats',
    'additional_information.caveats_and_recommendations',
    'states no limitations (caveats and recommendations)',
  );
  need(
    filled(info?.ethical_considerations),
    'ethical-considerations',
    'additional_information.ethical_considerations',
    'has no ethical considerations',
    'warning',
  );

  const reviewedField = `additional_information.custom_details.${LAST_REVIEWED_KEY}`;
  const reviewed = info?.custom_details?.[LAST_REVIEWED_KEY];
  const cadence = parseReviewCadence(opts.reviewCadence ?? DEFAULT_REVIEW_CADENCE_DAYS);
  if (!filled(reviewed))
    out.push({
      check: 'last-reviewed',
      level: 'error',
      field: reviewedField,
      message: 'has no last review date (YYYY-MM-DD)',
    });
  else {
    const date = parseIsoDate(reviewed.trim());
    const now = opts.now ?? new Date();
    if (!date)
      out.push({
        check: 'last-reviewed',
        level: 'error',
        field: reviewedField,
        message: `"${reviewed}" is not a YYYY-MM-DD date`,
      });
    else if (date.getTime() > now.getTime() + DAY_MS)
      out.push({
        check: 'last-reviewed',
        level: 'warning',
        field: reviewedField,
        message: `last review ${reviewed} is in the future`,
      });
    else {
      const age = Math.floor((now.getTime() - date.getTime()) / DAY_MS);
      if (age > cadence)
        out.push({
          check: 'last-reviewed',
          level: 'error',
          field: reviewedField,
          message: `last reviewed ${age} days ago (${reviewed}), over the ${cadence}-day review cadence`,
        });
    }
  }
  for (const [path, value] of strings(c, '')) {
    if (/\bTODO\b/.test(value))
      out.push({
        check: 'placeholder',
        level: 'error',
        field: path,
        message: 'still holds a TODO placeholder',
      });
  }
  return out;
}

const toPath = (field: string): Array<string | number> =>
  field
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** Completeness findings of a card: what an auditor would ask for before trusting it. Empty means complete. */
export function validateModelCard(card: ModelCard, opts: ValidateOptions = {}): ModelCardFinding[] {
  return contentFindings(card.content, opts).map((f) => {
    const line = card.source?.lineOf(toPath(f.field));
    return line === undefined ? f : { ...f, line };
  });
}

export function isComplete(findings: readonly ModelCardFinding[]): boolean {
  return !findings.some((f) => f.level === 'error');
}
