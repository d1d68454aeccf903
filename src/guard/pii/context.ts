/** Context words near a candidate raise (or lower) its score, as Presidio's context enhancer does. */

export interface ContextRule {
  /** Lower-case words or phrases; matched on word boundaries. */
  readonly words: readonly string[];
  /** Added to the score when one of the words occurs in the window. */
  readonly boost: number;
  /** Characters looked at before the candidate, and after it. */
  readonly before?: number;
  readonly after?: number;
}

export const DEFAULT_CONTEXT_BEFORE = 48;
export const DEFAULT_CONTEXT_AFTER = 24;

function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95
  );
}

/** True when `phrase` occurs in `haystack` with no word character directly around it. */
export function containsWord(haystack: string, phrase: string): boolean {
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(phrase, from);
    if (at < 0) return false;
    const before = at === 0 ? 32 : haystack.charCodeAt(at - 1);
    const afterIndex = at + phrase.length;
    const after = afterIndex >= haystack.length ? 32 : haystack.charCodeAt(afterIndex);
    // A plural or possessive after the phrase still counts ("passports", "driver's").
    if (!isWordChar(before) && (!isWordChar(after) || after === 115)) return true;
    from = at + 1;
  }
}

export function contextWindow(text: string, start: number, end: number, rule: ContextRule): string {
  const from = Math.max(0, start - (rule.before ?? DEFAULT_CONTEXT_BEFORE));
  const to = Math.min(text.length, end + (rule.after ?? DEFAULT_CONTEXT_AFTER));
  return (text.slice(from, start) + ' ' + text.slice(end, to)).toLowerCase();
}

export function contextMatches(text: string, start: number, end: number, rule: ContextRule): boolean {
  const window = contextWindow(text, start, end, rule);
  return rule.words.some((word) => containsWord(window, word));
}
