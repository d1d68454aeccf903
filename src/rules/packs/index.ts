import type { Rule } from '../types.js';
import { aiWorkloadRules } from './ai-workload.js';
import { foundationRules } from './foundation.js';

/** Every rule aigis ships, in a stable order. */
export const allRules: readonly Rule[] = [...aiWorkloadRules, ...foundationRules];
