import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DID_LAYERS, LAYERS, PHASES, SCOPES, loadCatalog } from '../../src/catalog/index.js';
import { InputError } from '../../src/util/errors.js';

const fixture = loadCatalog({ dir: join(import.meta.dirname, 'fixtures', 'valid') });
const ids = (controls: ReadonlyArray<{ id: string }>) => controls.map((c) => c.id);

describe('filterControls', () => {
  it('returns everything without a filter', () => {
    expect(fixture.filterControls()).toHaveLength(3);
  });

  it('filters by scope', () => {
    expect(ids(fixture.filterControls({ scope: 3 }))).toEqual(['prompt-guarded', 'policy-published']);
    expect(ids(fixture.filterControls({ scope: 5 }))).toEqual(['bucket-encrypted']);
  });

  it('filters by layer, phase and defense-in-depth layer', () => {
    expect(ids(fixture.filterControls({ layer: 'identity-data' }))).toEqual(['bucket-encrypted']);
    expect(ids(fixture.filterControls({ phase: 'scaling' }))).toEqual(['policy-published']);
    expect(ids(fixture.filterControls({ did: 3 }))).toEqual(['prompt-guarded']);
  });

  it('filters by OWASP id, accepting 2023 aliases and any case', () => {
    expect(ids(fixture.filterControls({ owasp: 'LLM02:2025' }))).toEqual([
      'bucket-encrypted',
      'prompt-guarded',
    ]);
    expect(ids(fixture.filterControls({ owasp: 'llm06' }))).toEqual(['bucket-encrypted', 'prompt-guarded']);
    expect(ids(fixture.filterControls({ owasp: 'LLM01' }))).toEqual(['prompt-guarded']);
  });

  it('filters by framework through references, OWASP ids and derived matches', () => {
    expect(ids(fixture.filterControls({ framework: 'std-a' }))).toHaveLength(3);
    expect(ids(fixture.filterControls({ framework: 'owasp-llm-2025' }))).toEqual([
      'bucket-encrypted',
      'prompt-guarded',
    ]);
    // bucket-encrypted matches didLayer 1 and scope 5; prompt-guarded names `data` and is ai-application/foundational.
    expect(ids(fixture.filterControls({ framework: 'layers' }))).toEqual([
      'bucket-encrypted',
      'prompt-guarded',
    ]);
  });

  it('combines criteria with AND', () => {
    expect(ids(fixture.filterControls({ scope: 3, did: 7 }))).toEqual(['policy-published']);
    expect(fixture.filterControls({ scope: 1, layer: 'identity-data' })).toEqual([]);
  });

  it('rejects unknown frameworks and OWASP ids with a suggestion', () => {
    expect(() => fixture.filterControls({ framework: 'std-b' })).toThrow(
      /unknown framework 'std-b' \(did you mean 'std-a'\?\)/,
    );
    expect(() => fixture.filterControls({ owasp: 'LLM03:2025' })).toThrow(InputError);
    // Suggestions look through 2023 aliases but name the 2025 id.
    expect(() => fixture.filterControls({ owasp: 'LLM07' })).toThrow(/did you mean 'LLM01:2025'/);
  });
});

describe('coverage', () => {
  it('lists the covering controls per requirement and the uncovered requirements', () => {
    const coverage = fixture.coverage('std-a');
    expect(coverage.requirements.map((r) => [r.requirement.id, ids(r.controls)])).toEqual([
      ['R-1', ['bucket-encrypted', 'prompt-guarded']],
      ['R-2', ['prompt-guarded', 'policy-published']],
      ['R-3', []],
    ]);
    expect(coverage.uncovered.map((r) => r.id)).toEqual(['R-3']);
  });

  it('derives coverage from match rules and explicit references together', () => {
    const coverage = fixture.coverage('layers');
    expect(coverage.requirements.map((r) => [r.requirement.id, ids(r.controls)])).toEqual([
      ['data', ['bucket-encrypted', 'prompt-guarded']],
      ['app-foundational', ['prompt-guarded']],
      ['scope-5', ['bucket-encrypted']],
    ]);
    expect(coverage.uncovered).toEqual([]);
  });

  it('rejects an unknown framework', () => {
    expect(() => fixture.coverage('nope')).toThrow(InputError);
  });
});

describe('the shipped catalog', () => {
  const catalog = loadCatalog();
  const atLeastThree = (frameworkId: string) =>
    catalog
      .coverage(frameworkId)
      .requirements.filter((r) => r.controls.length < 3)
      .map((r) => `${r.requirement.id} has ${r.controls.length}`);

  it('has at least 130 controls with unique kebab-case ids', () => {
    expect(catalog.controls.length).toBeGreaterThanOrEqual(130);
    expect(new Set(ids(catalog.controls)).size).toBe(catalog.controls.length);
  });

  it('has the framework ids other modules rely on', () => {
    expect(catalog.frameworks.map((f) => f.id).sort()).toEqual(
      [
        'aws-ai-security-framework',
        'aws-defense-in-depth',
        'aws-genai-scoping-matrix',
        'eu-ai-act',
        'gdpr',
        'hipaa-security',
        'iso-27001-2022',
        'iso-42001-2023',
        'nist-800-53-r5',
        'nist-ai-rmf-1.0',
        'owasp-agentic',
        'owasp-llm-2025',
        'pci-dss-v4',
        'soc2',
      ].sort(),
    );
  });

  it('covers every OWASP LLM 2025 risk with at least 3 controls', () => {
    expect(catalog.framework('owasp-llm-2025')?.requirements).toHaveLength(10);
    expect(atLeastThree('owasp-llm-2025')).toEqual([]);
  });

  it('covers every defense-in-depth layer, layer x phase cell and scope with at least 3 controls', () => {
    for (const did of DID_LAYERS)
      expect(catalog.filterControls({ did }).length, `did ${did}`).toBeGreaterThanOrEqual(3);
    for (const layer of LAYERS)
      for (const phase of PHASES)
        expect(catalog.filterControls({ layer, phase }).length, `${layer}/${phase}`).toBeGreaterThanOrEqual(
          3,
        );
    for (const scope of SCOPES)
      expect(catalog.filterControls({ scope }).length, `scope ${scope}`).toBeGreaterThanOrEqual(3);
  });

  it('gives every control a reference to an existing requirement of a compliance framework', () => {
    const missing = catalog.controls.filter(
      (c) =>
        !Object.entries(c.references).some(
          ([fw, reqs]) =>
            catalog.framework(fw)?.kind === 'compliance' && reqs.every((r) => catalog.requirement(fw, r)),
        ),
    );
    expect(ids(missing)).toEqual([]);
  });

  it('lists all 93 ISO/IEC 27001:2022 Annex A controls and the 72 NIST AI RMF subcategories', () => {
    const iso = catalog.framework('iso-27001-2022')!.requirements;
    expect(iso).toHaveLength(93);
    expect(iso.filter((r) => r.id.startsWith('A.5.'))).toHaveLength(37);
    expect(iso.filter((r) => r.id.startsWith('A.8.'))).toHaveLength(34);
    expect(catalog.framework('nist-ai-rmf-1.0')!.requirements).toHaveLength(72);
  });

  it('maps the OWASP 2023 ids to the 2025 risks that replaced them', () => {
    const expected: Record<string, string> = {
      LLM01: 'LLM01:2025', // prompt injection
      LLM02: 'LLM05:2025', // insecure output handling -> improper output handling
      LLM03: 'LLM04:2025', // training data poisoning -> data and model poisoning
      LLM04: 'LLM10:2025', // model denial of service -> unbounded consumption
      LLM05: 'LLM03:2025', // supply chain
      LLM06: 'LLM02:2025', // sensitive information disclosure
      LLM07: 'LLM06:2025', // insecure plugin design -> excessive agency
      LLM08: 'LLM06:2025', // excessive agency
      LLM09: 'LLM09:2025', // overreliance -> misinformation
      LLM10: 'LLM10:2025', // model theft -> unbounded consumption (extraction)
    };
    for (const [old, current] of Object.entries(expected))
      expect(catalog.normalizeOwaspId(old), old).toBe(current);
    expect(catalog.normalizeOwaspId('LLM02:2023')).toBe('LLM05:2025');
    expect(catalog.normalizeOwaspId('asi07')).toBe('ASI07');
  });

  it('keeps scope 1 to governance, awareness and response controls', () => {
    const consumer = catalog.filterControls({ scope: 1 });
    expect(consumer.length).toBeLessThan(30);
    expect(consumer.filter((c) => c.didLayer < 6).map((c) => c.id)).toEqual([]);
  });

  it('applies training-data controls only where the customer trains (scopes 4-5)', () => {
    const training = catalog.controls.filter((c) =>
      /(^|-)training-(data|job|pipeline)|dataset|before-training|sensitive-training/.test(c.id),
    );
    expect(training.length).toBeGreaterThanOrEqual(8);
    for (const c of training)
      expect(
        c.scopes.every((s) => s >= 4),
        c.id,
      ).toBe(true);
  });

  it('assigns a responsibility to every listed scope only', () => {
    for (const c of catalog.controls)
      expect(Object.keys(c.responsibility).map(Number).sort(), c.id).toEqual(c.scopes);
  });
});
