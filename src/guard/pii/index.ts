/**
 * PII detection for the runtime guard: the 31 Bedrock entity types, found by validated patterns,
 * libphonenumber, scanners for e-mail and domains, and a small token classifier with gazetteers
 * for names and addresses. Pure and synchronous; linear in the length of the text.
 */
import { RE2JS } from 're2js';
import type { PiiMatch } from '../types.js';
import { contextMatches, DEFAULT_CONTEXT_AFTER, DEFAULT_CONTEXT_BEFORE } from './context.js';
import { findNamesAndAddresses } from './ner/index.js';
import { resolveOverlaps } from './overlaps.js';
import { findPhones } from './phone.js';
import { PATTERN_RECOGNIZERS, type PatternRecognizer } from './recognizers.js';
import { findDomains, findEmails } from './web.js';

export { resolveOverlaps } from './overlaps.js';
export { PII_ENTITIES, PII_ENTITY_NAMES, resolveEntityName, type PiiEntityDefinition } from './entities.js';

/** Texts longer than this (UTF-16 code units) are refused: callers split or truncate them. */
export const MAX_PII_TEXT_LENGTH = 16 * 1024 * 1024;
/** Candidates scoring below this are not reported. */
export const DEFAULT_PII_THRESHOLD = 0.5;

export interface CustomPiiPattern {
  name: string;
  /** RE2 syntax: matched in linear time, whatever the pattern. */
  pattern: string;
}

export interface DetectPiiOptions {
  /** Bedrock entity names to report (default: all). Custom pattern names are always reported. */
  entities?: ReadonlySet<string>;
  custom?: CustomPiiPattern[];
  /** Minimum score, 0..1 (default 0.5). */
  threshold?: number;
}

const TRAILING_URL_PUNCTUATION = /[.,;:!?'")\]}>]+$/;

function trimUrl(text: string, match: PiiMatch): PiiMatch {
  const value = text.slice(match.start, match.end);
  let trimmed = value.replace(TRAILING_URL_PUNCTUATION, '');
  // Keep a closing parenthesis that closes one opened inside the URL (Wikipedia links).
  if (trimmed.length < value.length && value[trimmed.length] === ')' && trimmed.includes('(')) trimmed += ')';
  return { ...match, end: match.start + trimmed.length };
}

const customCache = new Map<string, RE2JS>();
function compileCustom(pattern: string): RE2JS {
  let compiled = customCache.get(pattern);
  if (!compiled) {
    compiled = RE2JS.compile(pattern);
    if (customCache.size > 256) customCache.clear();
    customCache.set(pattern, compiled);
  }
  return compiled;
}

function findCustom(text: string, custom: CustomPiiPattern[]): PiiMatch[] {
  const out: PiiMatch[] = [];
  for (const { name, pattern } of custom) {
    const matcher = compileCustom(pattern).matcher(text);
    while (matcher.find()) {
      const start = matcher.start();
      const end = matcher.end();
      if (end > start) out.push({ entity: name, start, end, score: 1, recognizer: 'custom-regex' });
    }
  }
  return out;
}

const KEYWORD_WINDOW_BEFORE = 8;
const KEYWORD_WINDOW_AFTER = 160;
/** Longest value a context-led candidate can have (IBAN-length numbers, 40-character keys). */
const MAX_CANDIDATE = 64;

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** Windows [start, end) around each occurrence of the words, merged, widened to whitespace. */
function isAlnumCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function anchorWindows(
  lower: string,
  offsets: ReadonlyMap<string, readonly number[]>,
  words: readonly string[],
  before: number,
  after: number,
  wholeWord: boolean,
): Array<[number, number]> {
  const raw: Array<[number, number]> = [];
  for (const word of words) {
    for (const at of offsets.get(word) ?? []) {
      // Words start on a boundary ("pin" in "spinning" is no anchor); context words also end on one.
      if (at > 0 && isAlnumCode(lower.charCodeAt(at - 1))) continue;
      const next = lower.charCodeAt(at + word.length);
      if (wholeWord && isAlnumCode(next) && next !== 115) continue;
      raw.push([Math.max(0, at - before), Math.min(lower.length, at + word.length + after)]);
    }
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of raw) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  for (const w of merged) {
    for (let k = 0; k < MAX_CANDIDATE && w[0] > 0 && !isSpaceCode(lower.charCodeAt(w[0] - 1)); k++) w[0]--;
    for (let k = 0; k < MAX_CANDIDATE && w[1] < lower.length && !isSpaceCode(lower.charCodeAt(w[1])); k++)
      w[1]++;
  }
  return merged;
}

function pushCandidate(
  text: string,
  recognizer: PatternRecognizer,
  start: number,
  end: number,
  out: PiiMatch[],
): void {
  if (recognizer.trimTrailing)
    end = start + text.slice(start, end).replace(recognizer.trimTrailing, '').length;
  if (end <= start) return;
  let base = recognizer.score(text.slice(start, end));
  if (base === undefined && recognizer.shrinkToValid) {
    for (let cut = end - 1; base === undefined && cut > start; cut--) {
      const code = text.charCodeAt(cut);
      if (code !== 32 && code !== 45) continue;
      end = cut;
      base = recognizer.score(text.slice(start, end));
    }
  }
  if (base === undefined) return;
  let score = base;
  if (recognizer.context && contextMatches(text, start, end, recognizer.context))
    score = Math.min(1, score + recognizer.context.boost);
  if (recognizer.negativeContext && contextMatches(text, start, end, recognizer.negativeContext))
    score = Math.max(0, score + recognizer.negativeContext.boost);
  const match: PiiMatch = { entity: recognizer.entity, start, end, score, recognizer: recognizer.name };
  out.push(recognizer.entity === 'URL' ? trimUrl(text, match) : match);
}

/** Characters kept around each run of digits: an IBAN's country code, a VIN's letters, "AB12 CDE". */
const DIGIT_MARGIN = 40;

/**
 * The parts of the text near digits, joined by newlines into one string, with a map back to
 * text offsets. Numeric recognizers scan this instead of the whole text: prose has few digits.
 */
interface Regions {
  joined: string;
  /** Start of each region in `joined`, and in the text. */
  joinedStarts: number[];
  textStarts: number[];
  lengths: number[];
}

function digitRegions(text: string): Regions | undefined {
  const digits = /\d+/g;
  const windows: Array<[number, number]> = [];
  for (let m = digits.exec(text); m !== null; m = digits.exec(text)) {
    const s = Math.max(0, m.index - DIGIT_MARGIN);
    const e = Math.min(text.length, m.index + m[0].length + DIGIT_MARGIN);
    const last = windows[windows.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else windows.push([s, e]);
  }
  let covered = 0;
  for (const w of windows) {
    for (let k = 0; k < MAX_CANDIDATE && w[0] > 0 && !isSpaceCode(text.charCodeAt(w[0] - 1)); k++) w[0]--;
    for (let k = 0; k < MAX_CANDIDATE && w[1] < text.length && !isSpaceCode(text.charCodeAt(w[1])); k++)
      w[1]++;
    covered += w[1] - w[0];
  }
  // When digits are everywhere, copying buys nothing.
  if (covered > text.length * 0.6) return undefined;
  const regions: Regions = { joined: '', joinedStarts: [], textStarts: [], lengths: [] };
  const parts: string[] = [];
  let at = 0;
  let previousEnd = -1;
  for (const [s, e] of windows) {
    const start = Math.max(s, previousEnd);
    if (start >= e) continue;
    regions.joinedStarts.push(at);
    regions.textStarts.push(start);
    regions.lengths.push(e - start);
    parts.push(text.slice(start, e));
    at += e - start + 1;
    previousEnd = e;
  }
  regions.joined = parts.join('\n');
  return regions;
}

/** Text offsets of a match in `joined`, or undefined when it spans two regions. */
function toTextOffsets(regions: Regions, start: number, end: number): [number, number] | undefined {
  let lo = 0;
  let hi = regions.joinedStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((regions.joinedStarts[mid] ?? 0) <= start) lo = mid;
    else hi = mid - 1;
  }
  const joinedStart = regions.joinedStarts[lo] ?? 0;
  if (end > joinedStart + (regions.lengths[lo] ?? 0)) return undefined;
  const shift = (regions.textStarts[lo] ?? 0) - joinedStart;
  return [start + shift, end + shift];
}

/**
 * Lower case with the offsets of `text`. 'İ' (U+0130) is the only character whose lower case is
 * longer; it becomes 'i', so keyword windows found in the lower case still apply to the text (one
 * Turkish word must not send every keyword-led recognizer over the whole text).
 */
export function lowerSameLength(text: string): string {
  return (text.includes('\u0130') ? text.replace(/\u0130/g, 'i') : text).toLowerCase();
}

/** Every anchor word and every context word of a context-only recognizer. */
const KEYWORDS = [
  ...new Set(
    PATTERN_RECOGNIZERS.flatMap((r) => [
      ...(r.anchors ?? []),
      ...(r.contextRequired && r.context ? r.context.words : []),
    ]),
  ),
];
/** Finds where any keyword may start; which ones do is checked there, so overlapping keywords are all found. */
const KEYWORD_START = new RegExp(
  // Keywords start on a word boundary (checked again in anchorWindows); the look-behind saves the attempts inside words.
  '(?<![a-z0-9])(?:' +
    [...KEYWORDS]
      .sort((a, b) => b.length - a.length)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
      .join('|') +
    ')',
  'g',
);
const KEYWORDS_BY_PREFIX = new Map<string, string[]>();
for (const word of KEYWORDS) {
  const prefix = word.slice(0, 2);
  KEYWORDS_BY_PREFIX.set(prefix, [...(KEYWORDS_BY_PREFIX.get(prefix) ?? []), word]);
}

/** Start offsets of each keyword in `lower`, found in one pass for all recognizers. */
function keywordOffsets(lower: string): Map<string, number[]> {
  const found = new Map<string, number[]>();
  KEYWORD_START.lastIndex = 0;
  for (let m = KEYWORD_START.exec(lower); m !== null; m = KEYWORD_START.exec(lower)) {
    const at = m.index;
    for (const word of KEYWORDS_BY_PREFIX.get(m[0].slice(0, 2)) ?? []) {
      if (!lower.startsWith(word, at)) continue;
      const list = found.get(word);
      // Occurrences of one word do not overlap (as with indexOf from the end of the last one).
      if (!list) found.set(word, [at]);
      else if (at >= (list[list.length - 1] ?? 0) + word.length) list.push(at);
    }
    KEYWORD_START.lastIndex = at + 1;
  }
  return found;
}

function runPatterns(
  text: string,
  lower: string,
  threshold: number,
  wanted: (entity: string) => boolean,
): PiiMatch[] {
  const out: PiiMatch[] = [];
  let regions: Regions | undefined | null = null;
  // Lower-casing changed some lengths (e.g. 'İ'): offsets in `lower` would not line up, scan everything.
  const aligned = lower.length === text.length;
  const whole: Array<[number, number]> = [[0, text.length]];
  const offsets = aligned ? keywordOffsets(lower) : new Map<string, number[]>();
  for (const recognizer of PATTERN_RECOGNIZERS) {
    if (!wanted(recognizer.entity)) continue;
    let windows = whole;
    if (aligned && recognizer.anchors) {
      windows = anchorWindows(
        lower,
        offsets,
        recognizer.anchors,
        KEYWORD_WINDOW_BEFORE,
        KEYWORD_WINDOW_AFTER,
        false,
      );
    } else if (
      aligned &&
      recognizer.contextRequired &&
      recognizer.context &&
      threshold >= DEFAULT_PII_THRESHOLD
    ) {
      const ctx = recognizer.context;
      windows = anchorWindows(
        lower,
        offsets,
        ctx.words,
        (ctx.after ?? DEFAULT_CONTEXT_AFTER) + MAX_CANDIDATE,
        (ctx.before ?? DEFAULT_CONTEXT_BEFORE) + MAX_CANDIDATE,
        true,
      );
    }
    const pattern = recognizer.pattern;
    if (recognizer.needsDigit && windows === whole) {
      if (regions === null) regions = digitRegions(text);
      if (regions) {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(regions.joined); m !== null; m = pattern.exec(regions.joined)) {
          let span: [number, number] = [m.index, m.index + m[0].length];
          if (recognizer.valueGroup !== undefined) {
            const indices = m.indices?.[recognizer.valueGroup];
            if (!indices) continue;
            span = [indices[0], indices[1]];
          }
          const mapped = toTextOffsets(regions, span[0], span[1]);
          if (mapped) pushCandidate(text, recognizer, mapped[0], mapped[1], out);
        }
        continue;
      }
    }
    for (const [from, to] of windows) {
      const slice = from === 0 && to === text.length ? text : text.slice(from, to);
      pattern.lastIndex = 0;
      for (let m = pattern.exec(slice); m !== null; m = pattern.exec(slice)) {
        let start = from + m.index;
        let end = start + m[0].length;
        if (recognizer.valueGroup !== undefined) {
          const indices = m.indices?.[recognizer.valueGroup];
          if (!indices) continue;
          start = from + indices[0];
          end = from + indices[1];
        }
        pushCandidate(text, recognizer, start, end, out);
      }
    }
  }
  return out;
}

/**
 * Finds PII in `text`. Offsets are JavaScript string offsets (UTF-16), end-exclusive, so
 * `text.slice(m.start, m.end)` is the detected value. Matches do not overlap.
 */
export function detectPii(text: string, opts: DetectPiiOptions = {}): PiiMatch[] {
  if (text.length > MAX_PII_TEXT_LENGTH) {
    throw new RangeError(
      `detectPii: text of ${text.length} characters exceeds the limit of ${MAX_PII_TEXT_LENGTH}`,
    );
  }
  const threshold = opts.threshold ?? DEFAULT_PII_THRESHOLD;
  const entities = opts.entities;
  const wanted = (entity: string): boolean => entities === undefined || entities.has(entity);
  const lower = lowerSameLength(text);
  const candidates: PiiMatch[] = [];
  if (wanted('EMAIL')) candidates.push(...findEmails(text));
  if (wanted('URL')) candidates.push(...findDomains(text));
  if (wanted('PHONE')) candidates.push(...findPhones(text));
  candidates.push(...runPatterns(text, lower, threshold, wanted));
  const reported = candidates.filter((c) => c.score >= threshold);
  if (opts.custom && opts.custom.length > 0) reported.push(...findCustom(text, opts.custom));
  const structured = resolveOverlaps(reported);
  if (!wanted('NAME') && !wanted('ADDRESS')) return structured;
  // Validated patterns outrank the classifier: a phone number at the end of an address stays a
  // phone number, and the address keeps the parts around it.
  const names: PiiMatch[] = [];
  for (const match of findNamesAndAddresses(text)) {
    if (!wanted(match.entity) || match.score < threshold) continue;
    names.push(...subtractSpans(text, match, structured));
  }
  // Classifier spans never overlap each other, and no longer overlap the structured ones.
  return [...structured, ...names].sort((a, b) => a.start - b.start);
}

const EDGE_JUNK = /^[\s,.;:#/-]+|[\s,.;:#/-]+$/g;

/** The parts of `match` not covered by `taken` (sorted, non-overlapping), trimmed of separators. */
function subtractSpans(text: string, match: PiiMatch, taken: readonly PiiMatch[]): PiiMatch[] {
  const pieces: PiiMatch[] = [];
  let cursor = match.start;
  const emit = (start: number, end: number): void => {
    const value = text.slice(start, end);
    const lead = value.length - value.replace(/^[\s,.;:#/-]+/, '').length;
    const trimmed = value.replace(EDGE_JUNK, '');
    if (/[\p{L}\p{N}]/u.test(trimmed))
      pieces.push({ ...match, start: start + lead, end: start + lead + trimmed.length });
  };
  for (const t of taken) {
    if (t.end <= cursor) continue;
    if (t.start >= match.end) break;
    if (t.start > cursor) emit(cursor, t.start);
    cursor = Math.max(cursor, t.end);
  }
  if (cursor < match.end) emit(cursor, match.end);
  return pieces;
}
