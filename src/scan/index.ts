export * from './types.js';
export { scan, selectRules, exitCodeOf } from './engine.js';
export { evaluateRule, ruleAppliesTo, type Evaluation } from './evaluate.js';
export { createBaseline, readBaseline, baselineMatcher } from './baseline.js';
export { toText } from './text.js';
