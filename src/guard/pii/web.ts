/**
 * E-mail addresses and bare domain names, found by scanning outward from each '@' and '.' with
 * bounded expansions: linear time, where an e-mail regex tried at every position is quadratic.
 */
import { containsWord, contextWindow } from './context.js';
import type { Candidate } from './candidate.js';

const LOCAL_MAX = 64;
const DOMAIN_MAX = 253;
const PATH_MAX = 2048;

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
function isLocalChar(code: number): boolean {
  // . _ % + - ' are allowed in the local part
  return isAlnum(code) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45;
}
function isDomainChar(code: number): boolean {
  return isAlnum(code) || code === 46 || code === 45;
}
function isPathChar(code: number): boolean {
  return (
    code > 32 &&
    code !== 34 &&
    code !== 39 &&
    code !== 60 &&
    code !== 62 &&
    code !== 96 &&
    code !== 123 &&
    code !== 125 &&
    code !== 124 &&
    code !== 92
  );
}

function validDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1] ?? '';
  if (!/^[A-Za-z]{2,24}$/.test(tld)) return false;
  return labels.every(
    (label) => label.length > 0 && label.length <= 63 && !label.startsWith('-') && !label.endsWith('-'),
  );
}

export function findEmails(text: string): Candidate[] {
  const out: Candidate[] = [];
  let at = text.indexOf('@');
  while (at >= 0) {
    let start = at;
    while (start > 0 && at - start < LOCAL_MAX && isLocalChar(text.charCodeAt(start - 1))) start--;
    while (start < at && text.charCodeAt(start) === 46) start++;
    let end = at + 1;
    while (end < text.length && end - at <= DOMAIN_MAX && isDomainChar(text.charCodeAt(end))) end++;
    while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
    if (start < at && validDomain(text.slice(at + 1, end))) {
      out.push({ entity: 'EMAIL', start, end, score: 0.95, recognizer: 'scanner' });
      at = text.indexOf('@', end);
    } else {
      at = text.indexOf('@', at + 1);
    }
  }
  return out;
}

/** Top-level domains common in prose; file extensions that are also TLDs (md, py, rs, sh, pl) are left out. */
const TLDS = new Set(
  (
    'com net org edu gov mil int io co ai app dev info biz me us uk de fr ca au in jp cn ru br it es nl se ch eu tv xyz online ' +
    'site tech store cloud ly gg ie nz za mx be at dk fi no pt gr tr kr ar cl hk sg tw id my ph vn th ua cz hu ro sk il ae sa ' +
    'news blog shop media email live page link website space world club agency digital network solutions'
  ).split(' '),
);
const DOMAIN_CONTEXT = [
  'website',
  'site',
  'domain',
  'visit',
  'url',
  'link',
  'web',
  'online',
  'go to',
  'www',
  'browse',
  'page',
];

export function findDomains(text: string): Candidate[] {
  const out: Candidate[] = [];
  let dot = text.indexOf('.');
  let lastEnd = 0;
  while (dot >= 0) {
    let tldEnd = dot + 1;
    while (tldEnd < text.length && tldEnd - dot <= 24 && isAlnum(text.charCodeAt(tldEnd))) tldEnd++;
    const tld = text.slice(dot + 1, tldEnd);
    const next = tldEnd < text.length ? text.charCodeAt(tldEnd) : 32;
    const followedByLabel = next === 46 && tldEnd + 1 < text.length && isAlnum(text.charCodeAt(tldEnd + 1));
    const tldCased = tld === tld.toLowerCase() || tld === tld.toUpperCase();
    if (tldCased && !followedByLabel && next !== 45 && next !== 64 && TLDS.has(tld.toLowerCase())) {
      let start = dot;
      while (start > lastEnd && dot - start < DOMAIN_MAX && isDomainChar(text.charCodeAt(start - 1))) start--;
      while (start < dot && (text.charCodeAt(start) === 46 || text.charCodeAt(start) === 45)) start++;
      const before = start > 0 ? text.charCodeAt(start - 1) : 32;
      // '@' belongs to an e-mail and '/' to a URL with a scheme; those have their own recognizers.
      if (
        start < dot &&
        before !== 64 &&
        before !== 47 &&
        before !== 95 &&
        validDomain(text.slice(start, tldEnd))
      ) {
        let end = tldEnd;
        if (next === 47) {
          while (end < text.length && end - tldEnd < PATH_MAX && isPathChar(text.charCodeAt(end))) end++;
          while (end > tldEnd + 1 && /[.,;:!?)\]]/.test(text[end - 1] ?? '')) end--;
        }
        const window = contextWindow(text, start, end, { words: DOMAIN_CONTEXT, boost: 0 });
        const boosted = DOMAIN_CONTEXT.some((word) => containsWord(window, word));
        const domain = text.slice(start, tldEnd);
        if (domain === domain.toLowerCase() || domain === domain.toUpperCase() || boosted) {
          out.push({ entity: 'URL', start, end, score: boosted ? 0.85 : 0.6, recognizer: 'scanner+tld' });
        }
        lastEnd = end;
      }
    }
    dot = text.indexOf('.', Math.max(dot + 1, lastEnd));
  }
  return out;
}
