/**
 * Active HTML in model answers (OWASP LLM05, improper output handling): script elements,
 * frames, event-handler attributes, `javascript:` URLs, SVG with handlers, meta refresh. A
 * hand-written tag scanner (each tag is read once, attributes bounded), so the pass is linear.
 * Inside Markdown code (fenced blocks, inline spans) the same markup is an example, not active
 * content: it is still reported but with a lower score.
 */
import { codeRanges, inRanges } from './markdown-context.js';
import type { OutputFinding } from './urls.js';

const MAX_TAG_LENGTH = 4096;
const IN_CODE_FACTOR = 0.35;

const DANGEROUS_TAGS: Readonly<Record<string, { score: number; reason: string }>> = {
  script: { score: 0.95, reason: '<script> element' },
  iframe: { score: 0.85, reason: '<iframe> element' },
  frame: { score: 0.8, reason: '<frame> element' },
  frameset: { score: 0.7, reason: '<frameset> element' },
  object: { score: 0.8, reason: '<object> element' },
  embed: { score: 0.8, reason: '<embed> element' },
  applet: { score: 0.8, reason: '<applet> element' },
  base: { score: 0.7, reason: '<base> element (rewrites every relative URL)' },
  form: { score: 0.5, reason: '<form> element' },
  style: { score: 0.4, reason: '<style> element' },
  link: { score: 0.4, reason: '<link> element' },
};

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'data',
  'xlink:href',
  'poster',
  'background',
  'lowsrc',
  'dynsrc',
]);

/** `javascript:`, `vbscript:` or `data:text/html` once entities, whitespace and case are undone. */
export function isScriptUrl(value: string): string | undefined {
  const decoded = value
    .slice(0, 200)
    .replace(/&#x([0-9a-f]{1,6});?/gi, (_m, h: string) =>
      String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)),
    )
    .replace(/&#(\d{1,7});?/g, (_m, d: string) => String.fromCodePoint(Math.min(parseInt(d, 10), 0x10ffff)))
    .replace(
      /&(tab|newline|colon);/gi,
      (_m, n: string) => ({ tab: '\t', newline: '\n', colon: ':' })[n.toLowerCase()] ?? '',
    )
    // Escapes written out in the text (`\x0B`, `\u0009`) stand for the control characters fuzzers use.
    .replace(/\\x[0-9a-f]{2}|\\u[0-9a-f]{4}/gi, ' ')
    .replace(/[\s\0-\x1f]+/g, '')
    .toLowerCase();
  if (decoded.startsWith('javascript:')) return 'javascript: URL';
  if (decoded.startsWith('vbscript:')) return 'vbscript: URL';
  if (
    decoded.startsWith('data:text/html') ||
    decoded.startsWith('data:image/svg+xml') ||
    decoded.startsWith('data:application/xhtml')
  ) {
    return 'data: URL with active content';
  }
  return undefined;
}

interface Attribute {
  name: string;
  value: string;
}

/** Attributes of a tag body (between the tag name and `>`), quoted or not. */
function parseAttributes(body: string): Attribute[] {
  const attrs: Attribute[] = [];
  let i = 0;
  while (i < body.length) {
    while (i < body.length && /[\s/]/.test(body[i]!)) i++;
    const nameStart = i;
    while (i < body.length && !/[\s/>=]/.test(body[i]!)) i++;
    const name = body.slice(nameStart, i).toLowerCase();
    while (i < body.length && /\s/.test(body[i]!)) i++;
    let value = '';
    if (body[i] === '=') {
      i++;
      while (i < body.length && /\s/.test(body[i]!)) i++;
      const q = body[i];
      if (q === '"' || q === "'") {
        const close = body.indexOf(q, i + 1);
        const end = close === -1 ? body.length : close;
        value = body.slice(i + 1, end);
        i = end + 1;
      } else {
        const vs = i;
        while (i < body.length && !/[\s>]/.test(body[i]!)) i++;
        value = body.slice(vs, i);
      }
    }
    if (name) attrs.push({ name, value });
    else i++;
  }
  return attrs;
}

function tagFinding(tag: string, attrs: readonly Attribute[]): { score: number; reason: string } | undefined {
  let best: { score: number; reason: string } | undefined = DANGEROUS_TAGS[tag];
  const consider = (score: number, reason: string): void => {
    if (!best || score > best.score) best = { score, reason };
  };
  for (const a of attrs) {
    // `\x20onerror` or `/onload` after junk is still a handler to a lenient parser.
    if (/(?:^|[^a-z_-])on[a-z]{3,}$/.test(a.name))
      consider(
        tag === 'img' || tag === 'svg' || tag === 'body' ? 0.95 : 0.9,
        `<${tag} ${a.name}=…> event handler`,
      );
    if (URL_ATTRIBUTES.has(a.name) || a.name === 'srcdoc') {
      const script = isScriptUrl(a.value);
      if (script) consider(0.9, `${script} in <${tag} ${a.name}>`);
      if (a.name === 'srcdoc') consider(0.85, `<${tag} srcdoc> inline document`);
    }
    if (tag === 'meta' && a.name === 'http-equiv' && a.value.toLowerCase() === 'refresh')
      consider(0.7, '<meta http-equiv=refresh> redirect');
    if (a.name === 'style' && /expression\s*\(|url\s*\(\s*['"]?\s*javascript:/i.test(a.value))
      consider(0.8, `script in <${tag} style>`);
  }
  return best;
}

/** Script-capable HTML and `javascript:` links in `text`. */
export function detectActiveHtml(text: string): OutputFinding[] {
  const code = codeRanges(text);
  const out: OutputFinding[] = [];
  const push = (start: number, end: number, f: { score: number; reason: string }): void => {
    const inCode = inRanges(code, start);
    const score = Math.round(f.score * (inCode ? IN_CODE_FACTOR : 1) * 1000) / 1000;
    out.push({ type: 'html', start, end, score, reason: inCode ? `${f.reason} (inside code)` : f.reason });
  };

  for (let lt = text.indexOf('<'); lt !== -1; lt = text.indexOf('<', lt + 1)) {
    let i = lt + 1;
    while (i < text.length && /\s/.test(text[i]!) && i - lt < 4) i++;
    const nameStart = i;
    while (i < text.length && i - nameStart < 20 && /[a-zA-Z0-9:-]/.test(text[i]!)) i++;
    if (i === nameStart || !/[a-zA-Z]/.test(text[nameStart]!)) continue;
    const tag = text.slice(nameStart, i).toLowerCase();
    // The tag ends at `>`; a tag cut off (streaming, truncation) still counts up to a bound.
    const limit = Math.min(text.length, lt + MAX_TAG_LENGTH);
    let end = i;
    let quote = '';
    for (; end < limit; end++) {
      const c = text[end]!;
      // `<` ends the scan even inside quotes: every tag scan then stops at the next tag, linear.
      if (c === '<') break;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const body = text.slice(i, end);
    const finding = tagFinding(tag, parseAttributes(body));
    if (finding) push(lt, Math.min(text.length, text[end] === '>' ? end + 1 : end), finding);
  }

  // Markdown links and autolinks with script URLs: [x](javascript:...), <javascript:...>
  for (let p = text.indexOf(']('); p !== -1; p = text.indexOf('](', p + 2)) {
    const reason = isScriptUrl(text.slice(p + 2, p + 202));
    if (reason) {
      const close = text.slice(p + 2, p + 2002).indexOf(')');
      push(p + 2, close === -1 ? Math.min(text.length, p + 202) : p + 2 + close, {
        score: 0.9,
        reason: `${reason} in Markdown link`,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
