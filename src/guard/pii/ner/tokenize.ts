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
