/**
 * Secret detection: the gitleaks default rules ported to linear-time RE2 (re2js).
 * `detectSecrets(text)` returns the secrets themselves (the rule's secret group) with JS offsets.
 */
import type { SecretMatch } from '../types.js';
import { loadGitleaksRules } from './rules.js';
import { createSecretScanner, type SecretScanner } from './scanner.js';

export { shannonEntropy } from './entropy.js';
export { buildKeywordAutomaton, type KeywordAutomaton } from './keyword-automaton.js';
export {
  loadGitleaksRules,
  parseRuleFile,
  GITLEAKS_RULES_FILE,
  type GitleaksRuleFile,
  type SecretRule,
} from './rules.js';
export {
  createSecretScanner,
  MAX_SECRET_SCAN_LENGTH,
  type SecretScanner,
  type SecretScannerOptions,
} from './scanner.js';

let defaultScanner: SecretScanner | undefined;

/** The scanner over the shipped gitleaks rules, built once. */
export function defaultSecretScanner(): SecretScanner {
  defaultScanner ??= createSecretScanner(loadGitleaksRules());
  return defaultScanner;
}

/** Finds secrets (API keys, tokens, private keys, passwords in assignments) in `text`. */
export function detectSecrets(text: string): SecretMatch[] {
  return defaultSecretScanner().scan(text);
}
