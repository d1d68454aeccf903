/** A word/number tokenizer with UTF-16 offsets; one pass over the text. */

export interface Token {
  start: number;
  end: number;
  text: string;
  /** A newline occurs between the previous token and this one. */
  newlineBefore: boolean;
  /** Letters, digits or both; `punct` is a single other character. */
  kind: 'word' | 'number' | 'alnum' | 'punct';
}

const LETTER_OR_NUMBER = /^[\p{L}\p{M}\p{N}]$/u;

function isAsciiWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Length (1 or 2 units) of the word character at `i`, or 0. */
function wordCharLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return isAsciiWordChar(code) ? 1 : 0;
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return LETTER_OR_NUMBER.test(text.slice(i, i + 2)) ? 2 : 0;
    return 0;
  }
  if (code >= 0xd800 && code <= 0xdfff) return 0;
  return LETTER_OR_NUMBER.test(text[i] ?? '') ? 1 : 0;
}

function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let newline = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (code === 10 || code === 13) newline = true;
      i++;
      continue;
    }
    let len = wordCharLength(text, i);
    if (len === 0) {
      const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
      tokens.push({ start: i, end: i + width, text: text.slice(i, i + width), newlineBefore: newline, kind: 'punct' });
      newline = false;
      i += width;
      continue;
    }
    const start = i;
    let digits = 0;
    let letters = 0;
    while (i < n) {
      len = wordCharLength(text, i);
      if (len > 0) {
        const c = text.charCodeAt(i);
        if (c >= 48 && c <= 57) digits++;
        else letters++;
        i += len;
        continue;
      }
      // An apostrophe or hyphen between word characters joins them (O'Brien, Jean-Pierre).
      if (isJoiner(text.charCodeAt(i)) && i + 1 < n && wordCharLength(text, i + 1) > 0 && letters > 0) {
        i++;
        continue;
      }
      break;
    }
    tokens.push({
      start,
      end: i,
      text: text.slice(start, i),
      newlineBefore: newline,
      kind: letters === 0 ? 'number' : digits === 0 ? 'word' : 'alnum',
    });
    newline = false;
  }
  return tokens;
}

export const KIND_NAMES = ['word', 'number', 'alnum', 'punct'] as const satisfies ReadonlyArray<Token['kind']>;
export const KIND_WORD = 0;
export const KIND_NUMBER = 1;
export const KIND_ALNUM = 2;
export const KIND_PUNCT = 3;

/**
 * The tokens of `tokenize` as parallel typed arrays, without a string or an object per token:
 * the classifier looks most tokens up by `hash` and never slices them.
 */
export interface TokenTable {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** Index into KIND_NAMES. */
  kind: Uint8Array;
  newlineBefore: Uint8Array;
  /** Polynomial hash of the token's UTF-16 code units (case-sensitive). */
  hash: Int32Array;
}

function grow<T extends Int32Array | Uint8Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/** Same tokens, in the same order, as `tokenize(text)`. */
export function tokenTable(text: string): TokenTable {
  const n = text.length;
  let capacity = Math.max(16, n >> 2);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let kinds = new Uint8Array(capacity);
  let newlines = new Uint8Array(capacity);
  let hashes = new Int32Array(capacity);
  let count = 0;
  const push = (start: number, end: number, kind: number, newline: boolean, hash: number): void => {
    if (count === capacity) {
      capacity *= 2;
      starts = grow(starts, capacity);
      ends = grow(ends, capacity);
      kinds = grow(kinds, capacity);
      newlines = grow(newlines, capacity);
      hashes = grow(hashes, capacity);
    }
    starts[count] = start;
    ends[count] = end;
    kinds[count] = kind;
    newlines[count] = newline ? 1 : 0;
    hashes[count] = hash;
    count++;
  };
  let newline = false;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (code === 10 || code === 13) newline = true;
      i++;
      continue;
    }
    let len = code < 128 ? (isAsciiWordChar(code) ? 1 : 0) : wordCharLength(text, i);
    if (len === 0) {
      const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
      let hash = code;
      if (width === 2) hash = (Math.imul(hash, 31) + text.charCodeAt(i + 1)) | 0;
      push(i, i + width, KIND_PUNCT, newline, hash);
      newline = false;
      i += width;
      continue;
    }
    const start = i;
    let digits = 0;
    let letters = 0;
    let hash = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      len = c < 128 ? (isAsciiWordChar(c) ? 1 : 0) : wordCharLength(text, i);
      if (len > 0) {
        if (c >= 48 && c <= 57) digits++;
        else letters++;
        hash = (Math.imul(hash, 31) + c) | 0;
        if (len === 2) hash = (Math.imul(hash, 31) + text.charCodeAt(i + 1)) | 0;
        i += len;
        continue;
      }
      if (isJoiner(c) && i + 1 < n && wordCharLength(text, i + 1) > 0 && letters > 0) {
        hash = (Math.imul(hash, 31) + c) | 0;
        i++;
        continue;
      }
      break;
    }
    push(start, i, letters === 0 ? KIND_NUMBER : digits === 0 ? KIND_WORD : KIND_ALNUM, newline, hash);
    newline = false;
  }
  return { count, start: starts, end: ends, kind: kinds, newlineBefore: newlines, hash: hashes };
}
