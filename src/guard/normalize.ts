/**
 * Text normalization shared by the guard's detectors. Everything here runs in linear time
 * over untrusted input: hand-written scanners over code units, no backtracking regexes.
 */
import type { Span } from './types.js';

/** Inputs longer than this are truncated before the (cheaper-than-linear-constant) decoders run. */
export const MAX_DECODE_INPUT = 1_000_000;
/** Encoded segments shorter than this are left alone (too many false decodes below). */
export const MIN_ENCODED_SEGMENT = 16;
/** Decoded text is decoded again at most this many times (base64 of hex of ...). */
export const MAX_DECODE_DEPTH = 2;

type InvisibleKind = 'zero_width' | 'bidi' | 'tag' | 'variation_selector';

function invisibleKind(cp: number): InvisibleKind | undefined {
  if (cp >= 0xe0000 && cp <= 0xe007f) return 'tag';
  if (
    cp === 0x200b ||
    cp === 0x200c ||
    cp === 0x200d ||
    cp === 0x2060 ||
    cp === 0x2061 ||
    cp === 0x2062 ||
    cp === 0x2063 ||
    cp === 0x2064 ||
    cp === 0xfeff ||
    cp === 0x180e ||
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x3164 ||
    cp === 0xffa0
  )
    return 'zero_width';
  if (
    cp === 0x200e ||
    cp === 0x200f ||
    cp === 0x061c ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069)
  )
    return 'bidi';
  // Variation selectors carry no glyph of their own and are used to smuggle bytes ("emoji smuggling").
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return 'variation_selector';
  return undefined;
}

const KIND_SCORE: Record<InvisibleKind, number> = {
  tag: 1,
  bidi: 0.8,
  variation_selector: 0.5,
  zero_width: 0.6,
};

/**
 * Runs of invisible code points (zero-width, bidi controls, Unicode tag characters, variation
 * selectors) with JS (UTF-16) offsets, end-exclusive. A lone U+FE0F after an emoji or a single
 * ZWJ inside an emoji sequence is ordinary text, so variation selectors and ZWJ only count when
 * they are not preceded by a non-ASCII symbol.
 */
export function findInvisibleText(text: string): Span[] {
  const spans: Span[] = [];
  let runStart = -1;
  let runScore = 0;
  let prevVisibleCp = 0;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    let kind = invisibleKind(cp);
    if ((kind === 'variation_selector' || cp === 0x200d) && runStart < 0 && prevVisibleCp > 0x2000) {
      kind = undefined; // emoji presentation selector / emoji ZWJ sequence
    }
    if (kind) {
      if (runStart < 0) {
        runStart = i;
        runScore = 0;
      }
      runScore = Math.max(runScore, KIND_SCORE[kind]);
    } else {
      if (runStart >= 0) {
        spans.push({ start: runStart, end: i, score: runScore });
        runStart = -1;
      }
      prevVisibleCp = cp;
    }
    i += width;
  }
  if (runStart >= 0) spans.push({ start: runStart, end: text.length, score: runScore });
  return spans;
}

/** The ASCII text smuggled in Unicode tag characters (U+E0020..U+E007E map to ' '..'~'). */
export function decodeTagCharacters(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const hi = text.charCodeAt(i);
    if (hi !== 0xdb40) continue; // all of U+E0000..U+E007F share this high surrogate
    const cp = text.codePointAt(i) ?? 0;
    if (cp >= 0xe0020 && cp <= 0xe007e) out += String.fromCharCode(cp - 0xe0000);
    i++;
  }
  return out;
}

/** Removes every invisible code point found by {@link findInvisibleText} rules (no emoji exception). */
export function stripInvisible(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (invisibleKind(cp)) {
      out += text.slice(last, i);
      last = i + width;
    }
    i += width;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Confusables that NFKC leaves alone: Cyrillic, Greek, Armenian and IPA letters that render like
 * Latin ones. Fullwidth forms and mathematical alphanumerics are already folded by NFKC.
 */
const HOMOGLYPHS: ReadonlyMap<number, string> = new Map(
  Object.entries({
    // Cyrillic
    а: 'a',
    в: 'b',
    е: 'e',
    ё: 'e',
    з: '3',
    і: 'i',
    ї: 'i',
    ј: 'j',
    к: 'k',
    м: 'm',
    н: 'h',
    о: 'o',
    п: 'n',
    р: 'p',
    с: 'c',
    т: 't',
    у: 'y',
    х: 'x',
    ѕ: 's',
    ԁ: 'd',
    ԛ: 'q',
    ԝ: 'w',
    ӏ: 'l',
    һ: 'h',
    ь: 'b',
    ү: 'y',
    ɡ: 'g',
    А: 'a',
    В: 'b',
    Е: 'e',
    Ё: 'e',
    З: '3',
    І: 'i',
    Ї: 'i',
    Ј: 'j',
    К: 'k',
    М: 'm',
    Н: 'h',
    О: 'o',
    Р: 'p',
    С: 'c',
    Т: 't',
    У: 'y',
    Х: 'x',
    Ѕ: 's',
    Ԁ: 'd',
    Ԛ: 'q',
    Ԝ: 'w',
    Ӏ: 'l',
    Һ: 'h',
    Ү: 'y',
    // Greek
    α: 'a',
    β: 'b',
    γ: 'y',
    ε: 'e',
    ζ: 'z',
    η: 'n',
    ι: 'i',
    κ: 'k',
    ν: 'v',
    ο: 'o',
    ρ: 'p',
    τ: 't',
    υ: 'u',
    χ: 'x',
    ω: 'w',
    ϲ: 'c',
    ϳ: 'j',
    Α: 'a',
    Β: 'b',
    Ε: 'e',
    Ζ: 'z',
    Η: 'h',
    Ι: 'i',
    Κ: 'k',
    Μ: 'm',
    Ν: 'n',
    Ο: 'o',
    Ρ: 'p',
    Τ: 't',
    Υ: 'y',
    Χ: 'x',
    Ϲ: 'c',
    // Armenian, Latin extensions and IPA
    օ: 'o',
    ս: 'u',
    ց: 'g',
    ı: 'i',
    ȷ: 'j',
    ł: 'l',
    ƒ: 'f',
    ɑ: 'a',
    ɩ: 'i',
    ʏ: 'y',
    ɪ: 'i',
    ʟ: 'l',
    ɴ: 'n',
    ʀ: 'r',
    ᴀ: 'a',
    ᴄ: 'c',
    ᴅ: 'd',
    ᴇ: 'e',
    ᴋ: 'k',
    ᴍ: 'm',
    ᴏ: 'o',
    ᴘ: 'p',
    ᴛ: 't',
    ᴜ: 'u',
    ᴠ: 'v',
    ᴡ: 'w',
    ᴢ: 'z',
    ꜱ: 's',
  }).map(([k, v]) => [k.codePointAt(0) ?? 0, v]),
);

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isWordChar(cp: number): boolean {
  if (cp < 0x80) return isAsciiLetter(cp) || (cp >= 0x30 && cp <= 0x39);
  return HOMOGLYPHS.has(cp) || /\p{L}|\p{M}|\p{N}/u.test(String.fromCodePoint(cp));
}

/**
 * Folds look-alike letters to ASCII, word by word: a word is folded when it already contains an
 * ASCII letter (mixed-script spoofing such as "іgnоrе") or when every letter of it has a Latin
 * look-alike. Genuine Cyrillic or Greek words almost always contain a letter without one, so
 * Russian or Greek prose keeps its script.
 */
export function foldHomoglyphs(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cp = text.codePointAt(i) ?? 0;
    if (!isWordChar(cp)) {
      const end = i + (cp > 0xffff ? 2 : 1);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    let j = i;
    let hasAscii = false;
    let allFoldable = true;
    let hasConfusable = false;
    while (j < n) {
      const c = text.codePointAt(j) ?? 0;
      if (!isWordChar(c)) break;
      if (isAsciiLetter(c)) hasAscii = true;
      else if (HOMOGLYPHS.has(c)) hasConfusable = true;
      else if (!(c >= 0x30 && c <= 0x39)) allFoldable = false;
      j += c > 0xffff ? 2 : 1;
    }
    const word = text.slice(i, j);
    if (hasConfusable && (hasAscii || allFoldable)) {
      for (const ch of word) out += HOMOGLYPHS.get(ch.codePointAt(0) ?? 0) ?? ch;
    } else {
      out += word;
    }
    i = j;
  }
  return out;
}

function isCyrillicOrGreek(cp: number): boolean {
  return (cp >= 0x0370 && cp <= 0x03ff) || (cp >= 0x0400 && cp <= 0x052f);
}

/**
 * True when some word mixes ASCII letters with Cyrillic or Greek look-alikes ("pаypal" with a
 * Cyrillic а): a spoofing signal. Ordinary Russian, Greek or Turkish text is not mixed.
 */
export function hasMixedScriptWords(text: string): boolean {
  let ascii = false;
  let confusable = false;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    if (isAsciiLetter(cp)) ascii = true;
    else if (isCyrillicOrGreek(cp) && HOMOGLYPHS.has(cp)) confusable = true;
    else if (!isWordChar(cp)) {
      if (ascii && confusable) return true;
      ascii = false;
      confusable = false;
    }
  }
  return ascii && confusable;
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/**
 * Leetspeak-lite: inside a token that mixes letters with digits/symbols ("1gn0re", "pr3v!ous"),
 * the usual substitutions are undone. Pure numbers ("2024") and ordinary punctuation are kept.
 */
export function foldLeetspeak(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d) {
      out += text[i];
      i++;
      continue;
    }
    let j = i;
    let letters = 0;
    let leet = 0;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === 0x20 || d === 0x0a || d === 0x09 || d === 0x0d) break;
      const ch = text[j] ?? '';
      if (isAsciiLetter(d)) letters++;
      else if (LEET[ch] !== undefined) leet++;
      j++;
    }
    const token = text.slice(i, j);
    // URLs, e-mail addresses and chat-template tokens keep their symbols.
    const structured =
      token.includes('://') || (token.includes('@') && token.includes('.')) || token.includes('<|');
    if (!structured && letters >= 2 && leet >= 1 && leet < letters * 2) {
      let folded = '';
      for (let k = 0; k < token.length; k++) {
        const ch = token[k] ?? '';
        const sub = LEET[ch];
        // Trailing sentence punctuation stays punctuation: only fold symbols followed by a letter or digit.
        const next = token.charCodeAt(k + 1);
        const inner = isAsciiLetter(next) || (next >= 0x30 && next <= 0x39);
        folded += sub !== undefined && (inner || (ch >= '0' && ch <= '9')) ? sub : ch;
      }
      out += folded;
    } else {
      out += token;
    }
    i = j;
  }
  return out;
}

/** Removes combining diacritics (U+0300..U+036F) so "ïgnörë" matches "ignore". */
function stripLatinDiacritics(text: string): string {
  const decomposed = text.normalize('NFD');
  let out = '';
  let last = 0;
  for (let i = 0; i < decomposed.length; i++) {
    const c = decomposed.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) {
      out += decomposed.slice(last, i);
      last = i + 1;
    }
  }
  return (last === 0 ? decomposed : out + decomposed.slice(last)).normalize('NFC');
}

function collapseWhitespace(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space =
      c === 0x20 ||
      (c >= 0x09 && c <= 0x0d) ||
      c === 0xa0 ||
      c === 0x85 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000;
    if (space) {
      pendingSpace = out.length > 0;
    } else {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += text[i];
    }
  }
  return out;
}

/**
 * The canonical form used for word filters, topics and injection heuristics: NFKC, invisible
 * characters removed, homoglyphs folded to ASCII, Latin diacritics dropped, case-folded and
 * whitespace collapsed to single spaces. Offsets are not preserved.
 */
export function normalizeForMatching(text: string): string {
  // Case and diacritics go first so that "Ἀ" -> "α" is then folded like any other look-alike.
  const base = stripLatinDiacritics(stripInvisible(text).normalize('NFKC').toLowerCase());
  return collapseWhitespace(foldHomoglyphs(base).toLowerCase().normalize('NFKC'));
}

// ---------------------------------------------------------------------------------------------
// Decoding of obfuscated segments

const B64 = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
}
B64['-'.charCodeAt(0)] = 62; // base64url
B64['_'.charCodeAt(0)] = 63;

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Accepts decoded bytes only when they are valid UTF-8 and read as text (≥ 90 % printable). */
function bytesToText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  if (text.length === 0) return undefined;
  let printable = 0;
  let wordish = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c !== 0x7f && c !== 0xfffd) || c === 0x0a || c === 0x0d || c === 0x09) printable++;
    if (isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x20 || c > 0xff) wordish++;
  }
  if (printable < text.length * 0.9 || wordish < text.length * 0.5) return undefined;
  return text;
}

function decodeBase64Run(run: string): string | undefined {
  let body = run;
  while (body.endsWith('=')) body = body.slice(0, -1);
  // Long alphabetic words ("internationalization") are also valid base64; require a digit,
  // a case change in the middle, or a base64 symbol so prose is rarely tried at all.
  if (!/[0-9+/_-]/.test(body) && !/[a-z][A-Z]/.test(body)) return undefined;
  if (body.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((body.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let k = 0;
  for (let i = 0; i < body.length; i++) {
    const v = B64[body.charCodeAt(i)] ?? -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[k++] = (acc >> bits) & 0xff;
    }
  }
  return bytesToText(bytes.subarray(0, k));
}

function decodeHexRun(run: string): string | undefined {
  if (run.length % 2 !== 0) return undefined;
  const bytes = new Uint8Array(run.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = hexValue(run.charCodeAt(2 * i)) * 16 + hexValue(run.charCodeAt(2 * i + 1));
  }
  return bytesToText(bytes);
}

function isBase64Char(c: number): boolean {
  return c < 128 && ((B64[c] ?? -1) >= 0 || c === 0x3d);
}

/** Collects maximal runs of characters accepted by `accept` with length ≥ min. */
function runs(text: string, accept: (c: number) => boolean, min: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const ok = i < text.length && accept(text.charCodeAt(i));
    if (ok && start < 0) start = i;
    else if (!ok && start >= 0) {
      if (i - start >= min) found.push([start, i]);
      start = -1;
    }
  }
  return found;
}

/** Hex written as `\x41\x42`, `0x41 0x42`, `41 42 43` or `41:42:43`: gather the byte values. */
function decodeSeparatedHex(text: string): string[] {
  const out: string[] = [];
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length === 0) return;
    if (bytes.length * 2 >= MIN_ENCODED_SEGMENT) {
      const decoded = bytesToText(Uint8Array.from(bytes));
      if (decoded) out.push(decoded);
    }
    bytes = [];
  };
  const isAlnum = (c: number): boolean => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);
  let i = 0;
  while (i < text.length) {
    // A byte token starts at a word boundary (or right after the previous token).
    const prev = text.charCodeAt(i - 1);
    const atBoundary = i === 0 || !isAlnum(prev) || bytes.length > 0;
    let j = i;
    if ((text[j] === '\\' || text[j] === '0') && (text[j + 1] === 'x' || text[j + 1] === 'X')) j += 2;
    const hi = hexValue(text.charCodeAt(j));
    const lo = hexValue(text.charCodeAt(j + 1));
    const after = text.charCodeAt(j + 2);
    if (atBoundary && hi >= 0 && lo >= 0 && !isAlnum(after)) {
      bytes.push(hi * 16 + lo);
      i = j + 2;
      const sep = text[i];
      if (sep === ' ' || sep === ':' || sep === ',' || sep === '-') i++;
      continue;
    }
    flush();
    i++;
  }
  flush();
  return out;
}

/** Bytes written as 8-bit binary groups ("01001000 01101001" or one run of bits). */
function decodeBinary(text: string): string[] {
  const out: string[] = [];
  for (const [s, e] of runs(text, (c) => c === 0x30 || c === 0x31 || c === 0x20, MIN_ENCODED_SEGMENT)) {
    const bits = text.slice(s, e).replaceAll(' ', '');
    if (bits.length < MIN_ENCODED_SEGMENT || bits.length % 8 !== 0) continue;
    const bytes = new Uint8Array(bits.length / 8);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
    const decoded = bytesToText(bytes);
    if (decoded) out.push(decoded);
  }
  return out;
}

function decodeUrlEncoded(text: string): string[] {
  const out: string[] = [];
  // Non-space runs that contain at least three %XX escapes.
  for (const [s, e] of runs(text, (c) => c > 0x20 && c !== 0x7f, MIN_ENCODED_SEGMENT)) {
    const run = text.slice(s, e);
    let escapes = 0;
    for (let i = 0; i + 2 < run.length; i++) {
      if (run[i] === '%' && hexValue(run.charCodeAt(i + 1)) >= 0 && hexValue(run.charCodeAt(i + 2)) >= 0)
        escapes++;
    }
    if (escapes < 3) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(run.replaceAll('+', ' '));
    } catch {
      continue;
    }
    if (decoded !== run) out.push(decoded);
  }
  return out;
}

/** Caesar shift of ASCII letters (13 = rot13). */
function shiftLetters(text: string, shift: number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) out += String.fromCharCode(((c - 0x61 + shift) % 26) + 0x61);
    else if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(((c - 0x41 + shift) % 26) + 0x41);
    else out += text[i];
  }
  return out;
}

/** Very common English words: a text "reads as English" when many of its words are in here. */
const COMMON_WORDS = new Set(
  (
    'the be to of and a in that have i it for not on with he as you do at this but his by from they we ' +
    'say her she or an will my one all would there their what so up out if about who get which go me ' +
    'when make can like time no just him know take people into your good some could them see other ' +
    'than then now look only come its over think also back after use two how our work first well way ' +
    'even new want because any these give day most us is are was were been has had did does ignore ' +
    'previous instructions instruction prompt system tell reveal password secret above rules print ' +
    'write show forget disregard output respond answer please must should everything'
  ).split(' '),
);
const MAX_COMMON_WORD = Math.max(...[...COMMON_WORDS].map((w) => w.length));
/** Words whose reversal, or whose rot13, is a common word. */
const REVERSED_COMMON_WORDS = new Set([...COMMON_WORDS].map((w) => [...w].reverse().join('')));
const ROT13_COMMON_WORDS = new Set([...COMMON_WORDS].map((w) => shiftLetters(w, 13)));

/**
 * In one pass: the letter words of a run, how many are common English words, and how many would
 * be after reversing the run or applying rot13 (both map words to words one for one).
 */
function letterGameCounts(text: string): { words: number; common: number; reversed: number; rot13: number } {
  const counts = { words: 0, common: 0, reversed: 0, rot13: 0 };
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) | 0x20 : 0;
    if (c >= 0x61 && c <= 0x7a) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      counts.words++;
      if (i - start <= MAX_COMMON_WORD) {
        const word = text.slice(start, i).toLowerCase();
        if (COMMON_WORDS.has(word)) counts.common++;
        if (REVERSED_COMMON_WORDS.has(word)) counts.reversed++;
        if (ROT13_COMMON_WORDS.has(word)) counts.rot13++;
      }
      start = -1;
    }
  }
  return counts;
}

/** English letter frequencies (per mille), a..z. */
const ENGLISH_LETTER_FREQ = [
  82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1,
];

/** The Caesar shift whose result has the most English-like letter frequencies (0 = as it is). */
function likelyCaesarShift(text: string): number {
  const counts = new Array<number>(26).fill(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) counts[c - 0x61] = (counts[c - 0x61] ?? 0) + 1;
  }
  let best = 0;
  let bestScore = -1;
  for (let shift = 0; shift < 26; shift++) {
    let score = 0;
    for (let j = 0; j < 26; j++)
      score += (ENGLISH_LETTER_FREQ[j] ?? 0) * (counts[(j - shift + 26) % 26] ?? 0);
    if (score > bestScore) {
      best = shift;
      bestScore = score;
    }
  }
  return best;
}

/**
 * rot13 and other Caesar shifts, and reversed text: runs of letters, spaces and punctuation whose
 * transformed form reads as English while the original does not. rot13 and reversal are always
 * tried; for runs of at least four words with almost no English in them, also the one shift whose
 * letter frequencies fit English best.
 */
function decodeLetterGames(text: string): string[] {
  const out: string[] = [];
  const accept = (c: number): boolean =>
    isAsciiLetter(c) || c === 0x20 || c === 0x27 || c === 0x2c || c === 0x2e || c === 0x21 || c === 0x3f;
  for (const [s, e] of runs(text, accept, MIN_ENCODED_SEGMENT)) {
    const run = text.slice(s, e);
    const { words, common: before, reversed: reversedCommon, rot13: rot13Common } = letterGameCounts(run);
    // A transformed run has as many words, so none can read as more than twice as English.
    if (before * 2 >= words) continue;
    const readable = (after: number): boolean => after >= 2 && after > before * 2;
    // The counts of the reversed and rot13 forms are known without building them.
    if (readable(reversedCommon)) out.push([...run].reverse().join(''));
    if (readable(rot13Common)) {
      out.push(shiftLetters(run, 13));
      continue;
    }
    if (words >= 4 && before * 10 < words) {
      const likely = likelyCaesarShift(run);
      if (likely !== 0 && likely !== 13) {
        const candidate = shiftLetters(run, likely);
        if (readable(letterGameCounts(candidate).common)) out.push(candidate);
      }
    }
  }
  return out;
}

/** One decoding layer over `text`: every decodable segment, in order of kind. */
function decodeLayer(text: string): string[] {
  const out: string[] = [];
  for (const [s, e] of runs(text, isBase64Char, MIN_ENCODED_SEGMENT)) {
    const run = text.slice(s, e);
    const decoded = decodeBase64Run(run);
    if (decoded !== undefined) out.push(decoded);
  }
  for (const [s, e] of runs(text, (c) => hexValue(c) >= 0, MIN_ENCODED_SEGMENT)) {
    const decoded = decodeHexRun(text.slice(s, e));
    if (decoded !== undefined) out.push(decoded);
  }
  if (text.includes('\\x') || text.includes('0x') || text.includes(' ') || text.includes(':')) {
    for (const d of decodeSeparatedHex(text)) if (!out.includes(d)) out.push(d);
  }
  if (text.includes('%')) out.push(...decodeUrlEncoded(text));
  if (text.includes('0100') || text.includes('0110') || text.includes('0111'))
    out.push(...decodeBinary(text));
  out.push(...decodeLetterGames(text));
  return out;
}

/**
 * Base64 (standard and url-safe), hex (plain, `\x..`, `0x..`, separated pairs), 8-bit binary,
 * URL-encoded, rot13 (and other Caesar shifts) and reversed-text segments of at least {@link MIN_ENCODED_SEGMENT} characters, decoded; decoded text is
 * decoded again up to depth {@link MAX_DECODE_DEPTH}. The total decoded length never exceeds the
 * input length. Also returns ASCII smuggled in Unicode tag characters. Never throws.
 */
export function decodeObfuscated(text: string): string[] {
  const input = text.length > MAX_DECODE_INPUT ? text.slice(0, MAX_DECODE_INPUT) : text;
  const budget = input.length;
  // Innermost decodings are what an attacker hid; an intermediate layer (the hex inside a
  // base64 blob) is returned only if the budget still allows it.
  const leaves: string[] = [];
  const intermediates: string[] = [];
  const tagText = decodeTagCharacters(input);
  if (tagText.length > 0) leaves.push(tagText);
  let frontier = [input];
  for (let depth = 1; depth <= MAX_DECODE_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    let layerSize = 0;
    for (const source of frontier) {
      const decoded = decodeLayer(source);
      if (depth > 1) (decoded.length > 0 ? intermediates : leaves).push(source);
      for (const d of decoded) {
        layerSize += d.length;
        if (layerSize > budget) break;
        next.push(d);
      }
    }
    frontier = next;
  }
  leaves.push(...frontier);
  const out: string[] = [];
  let used = 0;
  for (const d of [...leaves, ...intermediates]) {
    if (used + d.length > budget) continue;
    used += d.length;
    out.push(d);
  }
  return out;
}
