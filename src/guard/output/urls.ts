/**
 * Data exfiltration through URLs in model answers (OWASP LLM02/LLM05): a Markdown image whose
 * URL carries data is fetched by the chat client as soon as it renders (zero-click), a link
 * or bare URL leaks when clicked. Flags URLs to hosts outside the allow-list by how much data
 * they carry (query values, long or encoded path segments, fragments); images score higher.
 */
import { shannonEntropy } from '../secrets/entropy.js';
import { codeRanges, inRanges } from './markdown-context.js';

export interface OutputFinding {
  type: 'url' | 'html';
  start: number;
  end: number;
  score: number;
  reason: string;
}

export type UrlContext =
  'image' | 'link' | 'reference-image' | 'reference-link' | 'autolink' | 'html-src' | 'bare';

/** URLs longer than this are not parsed; their length alone is the finding. */
const MAX_URL_LENGTH = 8192;
/** Query parameters that carry tracking, paging or locale rather than user data. */
const BENIGN_PARAMS = new Set([
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'ref',
  'lang',
  'hl',
  'page',
  'v',
  'tab',
  'sort',
  'format',
  // image sizing (imgix, CDNs)
  'w',
  'h',
  'width',
  'height',
  'size',
  'fit',
  'crop',
  'auto',
  'dpr',
  'fm',
  'quality',
]);

// `[^...]+` with nothing after it that can fail: one attempt per candidate start, linear overall.
const URL_RE = /\bhttps?:\/\/[^\s<>"'`)\]}|\\^]+/gi;
const REF_DEF_RE = /^[ ]{0,3}\[([^\]\n]{1,200})\]:[ \t]*<?(https?:\/\/[^\s<>]+)>?/gim;

const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', '*', '_', '~']);

/**
 * Labels used by reference-style images, `![alt][label]` or `![label]`. Bracket look-ups are
 * binary searches over positions collected in one pass, so unclosed brackets cost nothing extra.
 */
function imageReferenceLabels(text: string): Set<string> {
  const labels = new Set<string>();
  const closes: number[] = [];
  const newlines: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 93 /* ] */) closes.push(i);
    else if (c === 10) newlines.push(i);
  }
  const firstAtOrAfter = (sorted: readonly number[], p: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length ? sorted[lo]! : Infinity;
  };
  const nextClose = (p: number): number => firstAtOrAfter(closes, p);
  const nextNewline = (p: number): number => firstAtOrAfter(newlines, p);
  for (let p = text.indexOf('!['); p !== -1; p = text.indexOf('![', p + 2)) {
    const close = nextClose(p + 2);
    if (close === Infinity || close > nextNewline(p + 2) || close - p > 1000) continue;
    let label = text.slice(p + 2, close);
    if (text[close + 1] === '[') {
      const close2 = nextClose(close + 2);
      if (close2 !== Infinity && close2 < nextNewline(close + 2) && close2 - close < 300) {
        const second = text.slice(close + 2, close2);
        if (second.trim()) label = second;
      }
    }
    labels.add(label.trim().toLowerCase());
  }
  return labels;
}

export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
}

export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return allowed.some((d) => h === d || h.endsWith(`.${d}`));
}

/** How the URL at [start, end) is embedded, looking only at the few characters around it. */
function contextOf(text: string, start: number): UrlContext {
  const before = text.slice(Math.max(0, start - 300), start);
  if (before.endsWith('](')) {
    const open = before.lastIndexOf('[', before.length - 2);
    // Markdown `![alt](url)` is an image unless the bracket belongs to a nested link text.
    return open > 0 && before[open - 1] === '!' ? 'image' : 'link';
  }
  if (before.endsWith('<')) return 'autolink';
  const attr = /\b(src|href|action|data|poster|background|srcset|formaction)\s*=\s*["']?$/i.exec(
    before.slice(-40),
  );
  if (attr)
    return attr[1]!.toLowerCase() === 'href' || attr[1]!.toLowerCase() === 'action' ? 'link' : 'html-src';
  return 'bare';
}

/**
 * How much of the URL looks like smuggled data, in characters, and why. Query values count
 * from `minQueryValue` characters.
 */
export function urlPayload(raw: string, minQueryValue = 8): { size: number; reasons: string[] } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { size: 0, reasons: [] };
  }
  const reasons: string[] = [];
  let size = 0;
  for (const [key, value] of url.searchParams) {
    if (BENIGN_PARAMS.has(key.toLowerCase()) && value.length < 32) continue;
    const v = value.length > 0 ? value : key;
    if (v.length >= minQueryValue) {
      size += v.length;
      reasons.push(`query ${key.length > 20 ? `${key.slice(0, 20)}…` : key}=${v.length} chars`);
    }
  }
  for (const segment of url.pathname.split('/')) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // keep the raw segment
    }
    const encodedLike =
      /^[A-Za-z0-9+/_=-]{24,}$/.test(segment) &&
      /\d/.test(segment) &&
      /[a-z]/.test(segment) &&
      /[A-Z]/.test(segment);
    const textLike = decoded.length >= 24 && /\s/.test(decoded);
    if (
      segment.length >= 48 ||
      encodedLike ||
      textLike ||
      (segment.length >= 24 && shannonEntropy(segment) > 4)
    ) {
      size += segment.length;
      reasons.push(`path segment of ${segment.length} chars`);
    }
  }
  // DNS exfiltration: data encoded in a subdomain label (`c2VjcmV0IGRhdGE.attacker.test`).
  for (const label of url.hostname.split('.').slice(0, -2)) {
    // The longest hyphen-free run: `cdn-images-eu-west-1` is words, `mzxw6ytboi2gk3tf` is data.
    const run = label.split('-').reduce((a, b) => (b.length > a.length ? b : a), '');
    if (
      run.length >= 32 ||
      (run.length >= 16 && /\d/.test(run) && /[a-z]/i.test(run) && shannonEntropy(run) > 3.5)
    ) {
      size += label.length;
      reasons.push(`subdomain label of ${label.length} chars`);
    }
  }
  if (url.hash.length > 16) {
    size += url.hash.length;
    reasons.push(`fragment of ${url.hash.length} chars`);
  }
  return { size, reasons };
}

const AUTO_FETCHED: ReadonlySet<UrlContext> = new Set(['image', 'reference-image', 'html-src']);

/**
 * Images leak on render, so any data is enough; a link needs a click and short query strings
 * (searches, ids) are common, so it reaches 0.5 only from about 26 characters of data.
 */
function scoreUrl(context: UrlContext, payload: number): number {
  const auto = AUTO_FETCHED.has(context);
  if (payload === 0) return auto ? 0.4 : 0;
  const amount = Math.min(1, payload / 64);
  return Math.round((auto ? 0.75 + 0.25 * amount : 0.3 + 0.5 * amount) * 1000) / 1000;
}

/** URLs to hosts outside `allowedDomains` that carry data, or are fetched without a click. */
export function detectExfiltrationUrls(text: string, allowedDomains: readonly string[]): OutputFinding[] {
  const allowed = allowedDomains.map(normalizeDomain).filter(Boolean);
  const code = codeRanges(text);
  const out: OutputFinding[] = [];
  const referenceImages = imageReferenceLabels(text);
  const definitionContext = new Map<number, UrlContext>();
  REF_DEF_RE.lastIndex = 0;
  for (let m = REF_DEF_RE.exec(text); m; m = REF_DEF_RE.exec(text)) {
    const urlStart = m.index + m[0].indexOf(m[2]!);
    definitionContext.set(
      urlStart,
      referenceImages.has(m[1]!.trim().toLowerCase()) ? 'reference-image' : 'reference-link',
    );
  }

  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) {
    const start = m.index;
    let raw = m[0];
    // Sentence punctuation after a bare URL is not part of it.
    let cut = raw.length;
    while (cut > 0 && TRAILING_PUNCTUATION.has(raw[cut - 1]!)) cut--;
    raw = raw.slice(0, cut);
    const end = start + raw.length;
    if (inRanges(code, start)) continue;
    const context = definitionContext.get(start) ?? contextOf(text, start);
    if (raw.length > MAX_URL_LENGTH) {
      out.push({
        type: 'url',
        start,
        end,
        score: AUTO_FETCHED.has(context) ? 1 : 0.8,
        reason: `${context} URL of ${raw.length} characters`,
      });
      continue;
    }
    let host: string;
    try {
      host = new URL(raw).hostname;
    } catch {
      continue;
    }
    if (hostAllowed(host, allowed)) continue;
    // An auto-fetched URL needs no click: even a short value (`?q=yes`) is a leak.
    const { size, reasons } = urlPayload(raw, AUTO_FETCHED.has(context) ? 3 : 8);
    const score = scoreUrl(context, size);
    if (score === 0) continue;
    const why =
      reasons.length > 0
        ? `carries data (${reasons.slice(0, 3).join(', ')})`
        : 'fetched automatically when rendered';
    out.push({ type: 'url', start, end, score, reason: `${context} to non-allowed host ${host}: ${why}` });
  }
  return out;
}
