/**
 * PII detection for the runtime guard: the 31 Bedrock entity types, found by validated patterns,
 * libphonenumber, scanners for e-mail and domains, and a small token classifier with gazetteers
 * for names and addresses. Pure and synchronous; linear in the length of the text.
 */
import { RE2JS } from 're2js';
import type { PiiMatch } from '../types.js';
import { contextMatches } from './context.js';
import { findNamesAndAddresses } from './ner/index.js';
import { findPhones } from './phone.js';
import { PATTERN_RECOGNIZERS } from './recognizers.js';
import { findDomains, findEmails } from './web.js';

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

function runPatterns(text: string, lower: string, wanted: (entity: string) => boolean): PiiMatch[] {
  const out: PiiMatch[] = [];
  for (const recognizer of PATTERN_RECOGNIZERS) {
    if (!wanted(recognizer.entity)) continue;
    if (recognizer.requires && !recognizer.requires.some((needle) => lower.includes(needle))) continue;
    const pattern = recognizer.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      let start = m.index;
      let end = start + m[0].length;
      if (recognizer.valueGroup !== undefined) {
        const indices = m.indices?.[recognizer.valueGroup];
        if (!indices) continue;
        [start, end] = indices;
      }
      if (recognizer.trimTrailing) end = start + text.slice(start, end).replace(recognizer.trimTrailing, '').length;
      if (end <= start) continue;
      const base = recognizer.score(text.slice(start, end));
      if (base === undefined) continue;
      let score = base;
      if (recognizer.context && contextMatches(text, start, end, recognizer.context)) score = Math.min(1, score + recognizer.context.boost);
      const match: PiiMatch = { entity: recognizer.entity, start, end, score, recognizer: recognizer.name };
      out.push(recognizer.entity === 'URL' ? trimUrl(text, match) : match);
    }
  }
  return out;
}

/** Highest score first, then longest; a match overlapping an accepted one is dropped. */
export function resolveOverlaps<T extends { start: number; end: number; score?: number }>(matches: readonly T[]): T[] {
  const ranked = [...matches].sort((a, b) => (b.score ?? 1) - (a.score ?? 1) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const accepted: T[] = [];
  const taken: Array<[number, number]> = [];
  for (const match of ranked) {
    if (match.end <= match.start) continue;
    if (taken.some(([s, e]) => match.start < e && s < match.end)) continue;
    accepted.push(match);
    taken.push([match.start, match.end]);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/**
 * Finds PII in `text`. Offsets are JavaScript string offsets (UTF-16), end-exclusive, so
 * `text.slice(m.start, m.end)` is the detected value. Matches do not overlap.
 */
export function detectPii(text: string, opts: DetectPiiOptions = {}): PiiMatch[] {
  if (text.length > MAX_PII_TEXT_LENGTH) {
    throw new RangeError(`detectPii: text of ${text.length} characters exceeds the limit of ${MAX_PII_TEXT_LENGTH}`);
  }
  const threshold = opts.threshold ?? DEFAULT_PII_THRESHOLD;
  const entities = opts.entities;
  const wanted = (entity: string): boolean => entities === undefined || entities.has(entity);
  const lower = text.toLowerCase();
  const candidates: PiiMatch[] = [];
  if (wanted('EMAIL')) candidates.push(...findEmails(text));
  if (wanted('URL')) candidates.push(...findDomains(text));
  if (wanted('PHONE')) candidates.push(...findPhones(text));
  candidates.push(...runPatterns(text, lower, wanted));
  if (wanted('NAME') || wanted('ADDRESS')) {
    for (const match of findNamesAndAddresses(text)) if (wanted(match.entity)) candidates.push(match);
  }
  const reported = candidates.filter((c) => c.score >= threshold);
  if (opts.custom && opts.custom.length > 0) reported.push(...findCustom(text, opts.custom));
  return resolveOverlaps(reported);
}
