export * from './schema.js';
export {
  loadPolicy,
  loadPolicyFile,
  parsePolicy,
  resolvePolicyFile,
  shippedPolicyNames,
  type PolicySource,
} from './load.js';
export { checkCustomRegex, hasNestedQuantifier } from './regex-safety.js';
export { guardPolicyJsonSchema, GUARD_POLICY_SCHEMA_ID } from './json-schema.js';
export {
  importBedrockRequest,
  exportBedrockRequest,
  createGuardrailRequestSchema,
  type CreateGuardrailRequest,
  type ImportOptions,
  type ImportResult,
  type ExportResult,
} from './bedrock.js';
export {
  importBedrockFile,
  exportBedrock,
  type BedrockFormat,
  type ReadOptions,
  type ExportedText,
} from './bedrock-formats.js';
