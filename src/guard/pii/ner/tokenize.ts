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
  let known = BMP_WORD_CHAR[code] as number;
  if (known === UNKNOWN) {
    known = LETTER_OR_NUMBER.test(text[i] ?? '') ? 1 : 0;
    BMP_WORD_CHAR[code] = known;
  }
  return known;
}

const UNKNOWN = 2;
/** Whether each BMP code unit is a letter, mark or number, filled in as characters are met (a regex test per character is slow). */
const BMP_WORD_CHAR = new Uint8Array(0x10000).fill(UNKNOWN);

function isJoiner(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 45;
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code === 9 ||
    code === 10 ||
    code === 13 ||
    code === 12 ||
    code === 11 ||
    code === 0xa0 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x3000
  );
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
      tokens.push({
        start: i,
        end: i + width,
        text: text.slice(i, i + width),
        newlineBefore: newline,
        kind: 'punct',
      });
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

export const KIND_NAMES = ['word', 'number', 'alnum', 'punct'] as const satisfies ReadonlyArray<
  Token['kind']
>;
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

/** ASCII classes for the scan: 1 digit, 2 letter, 3 space, 4 line break, 0 other. */
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = 2;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = 2;
for (const c of [32, 9, 12, 11]) ASCII_CLASS[c] = 3;
ASCII_CLASS[10] = 4;
ASCII_CLASS[13] = 4;

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
  let newline = 0;
  let i = 0;
  while (i < n) {
    if (count === capacity) {
      capacity *= 2;
      starts = grow(starts, capacity);
      ends = grow(ends, capacity);
      kinds = grow(kinds, capacity);
      newlines = grow(newlines, capacity);
      hashes = grow(hashes, capacity);
    }
    const code = text.charCodeAt(i);
    const cls = code < 128 ? (ASCII_CLASS[code] as number) : -1;
    if (cls >= 3 || (cls < 0 && isSpace(code))) {
      if (cls === 4) newline = 1;
      i++;
      continue;
    }
    let len = cls > 0 ? 1 : cls === 0 ? 0 : wordCharLength(text, i);
    if (len === 0) {
      const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
      let hash = code;
      if (width === 2) hash = (Math.imul(hash, 31) + text.charCodeAt(i + 1)) | 0;
      starts[count] = i;
      ends[count] = i + width;
      kinds[count] = KIND_PUNCT;
      newlines[count] = newline;
      hashes[count] = hash;
      count++;
      newline = 0;
      i += width;
      continue;
    }
    const start = i;
    let digits = 0;
    let letters = 0;
    let hash = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const k = c < 128 ? (ASCII_CLASS[c] as number) : -1;
      if (k === 1) {
        digits++;
        hash = (Math.imul(hash, 31) + c) | 0;
        i++;
        continue;
      }
      if (k === 2) {
        letters++;
        hash = (Math.imul(hash, 31) + c) | 0;
        i++;
        continue;
      }
      len = k < 0 ? wordCharLength(text, i) : 0;
      if (len > 0) {
        letters++;
        hash = (Math.imul(hash, 31) + c) | 0;
        if (len === 2) hash = (Math.imul(hash, 31) + text.charCodeAt(i + 1)) | 0;
        i += len;
        continue;
      }
      // An apostrophe or hyphen between word characters joins them (O'Brien, Jean-Pierre).
      if (isJoiner(c) && i + 1 < n && wordCharLength(text, i + 1) > 0 && letters > 0) {
        hash = (Math.imul(hash, 31) + c) | 0;
        i++;
        continue;
      }
      break;
    }
    starts[count] = start;
    ends[count] = i;
    kinds[count] = letters === 0 ? KIND_NUMBER : digits === 0 ? KIND_WORD : KIND_ALNUM;
    newlines[count] = newline;
    hashes[count] = hash;
    count++;
    newline = 0;
  }
  return { count, start: starts, end: ends, kind: kinds, newlineBefore: newlines, hash: hashes };
}
