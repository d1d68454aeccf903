import type { Rule } from '../types.js';

/** Data stores, keys, identity, network, compute and detection rules that every AI workload rests on. */
export const foundationRules: readonly Rule[] = [];
