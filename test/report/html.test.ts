import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderReport } from '../../src/report/index.js';
import { shareColour, textColourOn } from '../../src/report/svg.js';
import { fixtureReport } from './fixture.js';

const html = renderReport(fixtureReport(), 'html');

describe('HTML report', () => {
  it('is self-contained: no external scripts, styles, images or fonts', () => {
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\bsrc\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`,
    );
  });

  it('escapes text from the report', () => {
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const report = fixtureReport();
    report.system.name = '"><img src=x onerror=alert(1)>';
    expect(renderReport(report, 'html')).not.toContain('<img src=x');
  });

  it('has the header facts, a 3×3 heat map and the charts', () => {
    expect(html).toContain('Scope 3');
    expect(html).toContain('declared scope: 3 (pre-trained model)');
    expect(html).toMatch(/EU AI Act tier<\/div><div class="v"[^>]*>limited/);
    expect(html).toContain('>GDPR</span>');
    const heat =
      /<svg class="chart"[^>]*>(?:(?!<\/svg>).)*Controls met per layer and phase.*?<\/svg>/s.exec(
        html,
      )?.[0] ?? '';
    expect(heat.match(/<rect /g)).toHaveLength(9);
    expect(heat).toContain('>1/1</text>');
    expect(heat).toContain('>n/a</text>');
    expect(html).toContain('Defense-in-depth layers: controls met of applicable');
    expect(html).toContain('>3. Application protection</text>');
    expect(html).toContain('Framework requirements: met, covered by an applicable control, total');
    expect(html).toContain('2 met · 4 covered · 10');
    expect(html).toContain('LLM01:2025 Prompt Injection');
  });

  it('lists every control, collapsible, with status, reason and evidence', () => {
    const report = fixtureReport();
    for (const c of report.controls) {
      expect(html).toContain(`id="c-${c.id}"`);
      expect(html).toMatch(
        new RegExp(`<details class="control" data-status="${c.status}"[^>]*id="c-${c.id}"`),
      );
    }
    expect(html).toContain('<code>infra/template.yaml:42</code>');
    expect(html).toContain('<code>aigis.yaml:12: datasets</code>');
    expect(html).toContain('Why:</b> no Lambda function URL in the infrastructure');
  });

  it('keeps the remediation order of the report', () => {
    const first = html.indexOf('<a href="#c-ai-api-authorizer-required"><b>');
    const second = html.indexOf('<a href="#c-shield-advanced-on-public-ai-endpoints"><b>');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
  });

  it('has print styles that open controls before printing', () => {
    expect(html).toContain('@media print');
    expect(html).toContain("addEventListener('beforeprint'");
  });
});

describe('chart colours', () => {
  it('runs from red (nothing met) to blue (all met), with readable text on each', () => {
    expect(shareColour(0)).toBe('#b2182b');
    expect(shareColour(1)).toBe('#2166ac');
    expect(textColourOn('#b2182b')).toBe('#ffffff');
    expect(textColourOn('#fddbc7')).toBe('#111111');
    expect(shareColour(-1)).toBe(shareColour(0));
    expect(shareColour(2)).toBe(shareColour(1));
  });
});

describe('HTML escaping (property)', () => {
  it('never lets report text open a tag', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (name, reason) => {
        const report = fixtureReport();
        report.system.name = `<zqa>${name}`;
        report.controls[2]!.reason = `<zqb>${reason}`;
        report.warnings = [`<zqc>${reason}`];
        const out = renderReport(report, 'html');
        expect(out).not.toMatch(/<zq[abc]>/);
        expect(out).toContain('&lt;zqa&gt;');
      }),
      { numRuns: 100 },
    );
  });
});
