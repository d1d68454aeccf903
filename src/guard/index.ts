// The runtime guard: `import { createGuard } from 'aigis'`, plus each detector for direct use.
export * from './types.js';
export {
  createGuard,
  directionalAction,
  OWASP_BY_DETECTION,
  OUTPUT_ACTION_MIN_SCORE,
  DIRECTIONS,
  type Guard,
  type GuardSession,
  type StreamOptions,
  type GuardDetection,
  type CheckRequest,
  type CheckResult,
} from './guard.js';
export {
  DEFAULT_TAIL_CHARS,
  MAX_HOLD_CHARS,
  checkChunks,
  type GuardStream,
  type StreamDecision,
} from './stream.js';
export * from './policy/index.js';

export {
  detectPii,
  PII_ENTITIES,
  resolveEntityName,
  type DetectPiiOptions,
  type CustomPiiPattern,
} from './pii/index.js';
export { anonymize, createVault, type AnonymizeMode, type Vault, type VaultOptions } from './anonymize.js';
export { detectSecrets } from './secrets/index.js';
export { loadInjectionDetector, injectionThreshold, type InjectionDetector } from './injection/index.js';
export { normalizeForMatching, findInvisibleText, decodeObfuscated } from './normalize.js';
export { detectUnsafeOutput, createCanary, findCanaries, type OutputFinding } from './output/index.js';
export { compileTopics, type TopicMatcher, type DeniedTopic } from './topics.js';
export { compileWordFilter, type WordFilter, type WordMatch } from './words.js';
