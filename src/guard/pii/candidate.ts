import type { PiiMatch } from '../types.js';

/** A scored span before threshold and overlap resolution. */
export type Candidate = PiiMatch;
