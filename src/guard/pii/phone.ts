/**
 * Phone numbers: a bounded regex proposes digit groups, libphonenumber-js (full metadata) decides
 * whether they form a valid number in one of the default regions; phone-shaped but unassigned
 * numbers score lower and need context words to be reported.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { contextMatches, type ContextRule } from './context.js';
import type { Candidate } from './candidate.js';

export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IN', 'CA', 'AU'];

const CANDIDATE =
  /(?<![\w+.\-/])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,12}(?:[ .-]\d{1,12}){0,5}(?:[ ]?(?:x|ext\.?|extension)[ ]?\d{1,6})?(?![\w/]|[.-]\d)/gi;
const EXTENSION = /[ ]?(?:x|ext\.?|extension)[ ]?\d{1,6}$/i;
const DATE_LIKE = /^(?:\d{4}[-.]\d{1,2}[-.]\d{1,2}|\d{1,2}[-.]\d{1,2}[-.]\d{2,4}|\d{1,2}[-.]\d{4})$/;
const DATE_PREFIX =
  /^(?:\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d{2}|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2})(?!\d)|[-./](?:19|20)\d{2}$/;
/** 3-2-4 digits is the SSN layout, never a phone layout. */
const SSN_SHAPE = /^\d{3}[- ]\d{2}[- ]\d{4}$/;
const IPV4_LIKE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const PHONE_SHAPE = /^(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?\d|\d{2,5}[ .-]\d)/;

const PHONE_CONTEXT: ContextRule = {
  words: [
    'phone',
    'call',
    'tel',
    'telephone',
    'mobile',
    'cell',
    'contact',
    'number',
    'whatsapp',
    'fax',
    'reach me',
    'reach us',
    'text me',
    'sms',
    'dial',
    'landline',
    'ph',
    'mob',
    'answering',
    'ring',
    'phoned',
    'calling',
  ],
  boost: 0.2,
};

function digitCount(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

const NANP = new Set<CountryCode>(['US', 'CA']);

/** North-American numbers have 10 digits (11 with the leading 1): skip parsing the rest for them. */
function plausibleFor(region: CountryCode, digits: string): boolean {
  if (NANP.has(region)) return digits.length === 10 || (digits.length === 11 && digits.startsWith('1'));
  return true;
}

function scoreNumber(value: string, regions: readonly CountryCode[]): number | undefined {
  const core = value.replace(EXTENSION, '');
  const digits = digitCount(core);
  if (digits < 7 || digits > 15) return undefined;
  if (DATE_LIKE.test(core) || DATE_PREFIX.test(core) || IPV4_LIKE.test(core) || SSN_SHAPE.test(core))
    return undefined;
  const shaped = PHONE_SHAPE.test(core) || core.startsWith('+');
  // International dialling prefixes written out: 00 (most of the world) and 011 (North America).
  if (core.startsWith('+')) {
    const parsed = parsePhoneNumberFromString(core);
    if (parsed?.isValid()) return 0.9;
    return parsed?.isPossible() ? 0.5 : 0.35;
  }
  if (/^(?:00|011)[ .-]?[1-9]/.test(core) && digits >= 11) {
    const parsed = parsePhoneNumberFromString(`+${core.replace(/^(?:00|011)[ .-]?/, '')}`);
    if (parsed?.isValid()) return 0.85;
  }
  const digitsOnly = core.replace(/\D/g, '');
  for (const region of regions) {
    if (!plausibleFor(region, digitsOnly)) continue;
    const parsed = parsePhoneNumberFromString(core, region);
    // Short local numbers ("555 0143") look like many other numbers: they need context words.
    if (parsed?.isValid()) return shaped && digits >= 10 ? 0.7 : shaped ? 0.45 : 0.4;
  }
  return shaped ? 0.4 : undefined;
}

/** A candidate may carry an unrelated number after it ("555 0143 2 times"); at most this many groups are dropped. */
const MAX_TRIMS = 2;

export function findPhones(
  text: string,
  regions: readonly CountryCode[] = DEFAULT_PHONE_REGIONS,
): Candidate[] {
  const out: Candidate[] = [];
  // Repeated numbers (tables, logs, adversarial input) are parsed once per call.
  const memo = new Map<string, number | undefined>();
  const score = (value: string): number | undefined => {
    if (memo.has(value)) return memo.get(value);
    const result = scoreNumber(value, regions);
    if (memo.size < 10_000) memo.set(value, result);
    return result;
  };
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const start = m.index;
    let value = m[0];
    // Most matches are short numbers in prose ("3 apples", "2024"); trimming only removes digits.
    if (value.length < 7 || digitCount(value) < 7) continue;
    let best = score(value);
    let current = value;
    for (let trims = 0; trims < MAX_TRIMS && (best === undefined || best < 0.5); trims++) {
      const cut = Math.max(current.lastIndexOf(' '), current.lastIndexOf('-'), current.lastIndexOf('.'));
      if (cut <= 0) break;
      current = current.slice(0, cut);
      const shorter = score(current);
      if (shorter !== undefined && (best === undefined || shorter > best)) {
        value = current;
        best = shorter;
      }
    }
    if (best === undefined) continue;
    const end = start + value.length;
    let final = best;
    if (contextMatches(text, start, end, PHONE_CONTEXT)) final = Math.min(1, final + PHONE_CONTEXT.boost);
    out.push({ entity: 'PHONE', start, end, score: final, recognizer: 'libphonenumber' });
  }
  return out;
}
