import type { Rule } from '../types.js';

/** Bedrock, SageMaker and vector-store rules. */
export const aiWorkloadRules: readonly Rule[] = [];
