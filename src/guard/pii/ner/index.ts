import type { PiiMatch } from '../../types.js';

/** Names and addresses (token classifier with gazetteers). */
export function findNamesAndAddresses(_text: string): PiiMatch[] {
  return [];
}
