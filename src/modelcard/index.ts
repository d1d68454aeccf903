// Model cards: SageMaker Model Card content JSON and Markdown with YAML front matter.
export * from './schema.js';
export {
  readModelCard,
  parseModelCardContent,
  formatOfFile,
  MODEL_CARD_FORMATS,
  MAX_MODEL_CARD_BYTES,
} from './read.js';
export type { ModelCard, ModelCardFormat } from './read.js';
export { BODY_SECTIONS as MODEL_CARD_BODY_SECTIONS } from './markdown.js';
export {
  validateModelCard,
  isComplete,
  parseReviewCadence,
  LAST_REVIEWED_KEY,
  DEFAULT_REVIEW_CADENCE_DAYS,
  type ModelCardFinding,
  type ModelCardCheck,
  type ModelCustomization,
  type ValidateOptions as ModelCardValidateOptions,
} from './validate.js';
export {
  exportModelCard,
  withGovernance,
  GOVERNANCE_DETAIL_KEYS,
  type ModelCardGovernance,
  type ExportOptions as ModelCardExportOptions,
} from './export.js';
export { modelCardTemplate } from './template.js';
