// The runtime guard: `import { createGuard } from 'aigis'`.
export * from './types.js';
export {
  createGuard,
  directionalAction,
  OWASP_BY_DETECTION,
  DIRECTIONS,
  type Guard,
  type GuardDetection,
  type CheckRequest,
  type CheckResult,
} from './guard.js';
export { DEFAULT_TAIL_CHARS, checkChunks, type GuardStream, type StreamDecision } from './stream.js';
export * from './policy/index.js';
