import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadCatalog } from '../../src/catalog/index.js';
import { InputError } from '../../src/util/errors.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const VALID = join(FIXTURES, 'valid');
const scratch = mkdtempSync(join(tmpdir(), 'aigis-catalog-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
/** A catalog folder with the valid fixture's frameworks and controls plus one extra controls file. */
function catalogWith(extraControls: string | undefined, opts: { frameworks?: string } = {}): string {
  const dir = join(scratch, `case-${counter++}`);
  cpSync(join(VALID, 'frameworks'), join(dir, 'frameworks'), { recursive: true });
  cpSync(join(VALID, 'controls'), join(dir, 'controls'), { recursive: true });
  if (extraControls)
    cpSync(join(FIXTURES, 'bad-controls', extraControls), join(dir, 'controls', `zz-${extraControls}`));
  if (opts.frameworks)
    cpSync(join(FIXTURES, 'bad-frameworks', opts.frameworks), join(dir, 'frameworks', opts.frameworks));
  return dir;
}

function loadError(dir: string): InputError {
  try {
    loadCatalog({ dir });
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected loadCatalog to fail');
}

describe('loadCatalog on a valid folder', () => {
  const catalog = loadCatalog({ dir: VALID });

  it('reads every framework and control', () => {
    expect(catalog.frameworks.map((f) => f.id).sort()).toEqual(['layers', 'owasp-llm-2025', 'std-a']);
    expect(catalog.controls.map((c) => c.id)).toEqual([
      'bucket-encrypted',
      'prompt-guarded',
      'policy-published',
    ]);
  });

  it('normalises 2023 OWASP ids and lower-case ids to the 2025 ids', () => {
    expect(catalog.control('bucket-encrypted')?.owasp).toEqual(['LLM02:2025']);
    expect(catalog.control('prompt-guarded')?.owasp).toEqual(['LLM01:2025', 'LLM02:2025']);
  });

  it('keys responsibility by scope number', () => {
    expect(catalog.control('policy-published')?.responsibility).toEqual({
      1: 'customer',
      2: 'customer',
      3: 'customer',
    });
  });

  it('returns a fresh catalog for an explicit folder but caches the default one', () => {
    expect(loadCatalog({ dir: VALID })).not.toBe(catalog);
    expect(loadCatalog()).toBe(loadCatalog());
  });
});

describe('loadCatalog errors name the file, line, control and field', () => {
  const cases: Array<{ fixture: string; line: number; message: RegExp }> = [
    { fixture: 'missing-field.yaml', line: 2, message: /control 'no-rationale': controls\[0\]\.rationale: / },
    { fixture: 'bad-layer.yaml', line: 7, message: /control 'wrong-layer': controls\[0\]\.layer: / },
    { fixture: 'extra-field.yaml', line: 2, message: /control 'has-extra-field': controls\[0\]: .*severity/ },
    {
      fixture: 'duplicate-id.yaml',
      line: 2,
      message:
        /control 'bucket-encrypted': controls\[0\]\.id: duplicate control id \(first defined in .*test\.yaml:2\)/,
    },
    {
      fixture: 'unknown-framework.yaml',
      line: 13,
      message:
        /control 'refs-unknown-framework': controls\[0\]\.references\.std-b: unknown framework 'std-b' \(did you mean 'std-a'\?\)/,
    },
    {
      fixture: 'unknown-requirement.yaml',
      line: 13,
      message:
        /control 'refs-unknown-requirement': controls\[0\]\.references\.std-a\[1\]: unknown requirement 'R-4' in std-a/,
    },
    {
      fixture: 'responsibility-scope.yaml',
      line: 11,
      message:
        /control 'responsibility-outside-scopes': controls\[0\]\.responsibility\.2: scope 2 is not listed in scopes \[4\]/,
    },
    {
      fixture: 'missing-responsibility.yaml',
      line: 11,
      message: /control 'responsibility-incomplete': controls\[0\]\.responsibility: has no entry for scope 5/,
    },
    {
      fixture: 'bad-owasp.yaml',
      line: 12,
      message:
        /control 'unknown-owasp-id': controls\[0\]\.owasp\[1\]: unknown OWASP id 'LLM11:2025' \(did you mean 'LLM01:2025'\?\)/,
    },
    {
      fixture: 'no-compliance.yaml',
      line: 13,
      message:
        /control 'only-taxonomy-references': controls\[0\]\.references: must reference at least one requirement of a compliance framework/,
    },
  ];

  for (const { fixture, line, message } of cases) {
    it(fixture, () => {
      const err = loadError(catalogWith(fixture));
      expect(err.message).toMatch(message);
      expect(err.message).toContain(`zz-${fixture}:${line}:`);
      expect(err.file).toMatch(new RegExp(`zz-${fixture}$`));
      expect(err.line).toBe(line);
      expect(err.exitCode).toBe(2);
    });
  }

  it('reports a YAML syntax error with its line', () => {
    const err = loadError(catalogWith('syntax-error.yaml'));
    expect(err.message).toMatch(/zz-syntax-error\.yaml:\d+: /);
    expect(err.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a framework file with a missing field', () => {
    const err = loadError(catalogWith(undefined, { frameworks: 'std-a.yaml' }));
    // The bad file replaces the valid std-a.yaml of the same name.
    expect(err.message).toMatch(/frameworks\/std-a\.yaml(:\d+)?: url: /);
  });

  it('reports a missing folder', () => {
    const err = loadError(join(scratch, 'does-not-exist'));
    expect(err.message).toMatch(/cannot read catalog folder/);
  });

  it('rejects a framework whose id differs from its file name', () => {
    const dir = catalogWith(undefined);
    cpSync(join(dir, 'frameworks', 'layers.yaml'), join(dir, 'frameworks', 'layers-copy.yaml'));
    const err = loadError(dir);
    expect(err.message).toMatch(
      /layers-copy\.yaml:1: framework 'layers': id: must match the file name 'layers-copy'/,
    );
  });
});

describe('loadCatalog on arbitrary input', () => {
  it('either loads or throws an InputError, never anything else', () => {
    const base = {
      id: 'fuzzed-control',
      title: 't',
      description: 'd',
      rationale: 'r',
      remediation: 'm',
      layer: 'identity-data',
      phase: 'foundational',
      didLayer: 1,
      scopes: [4],
      responsibility: { 4: 'customer' },
      owasp: [],
      references: { 'std-a': ['R-1'] },
      checks: ['iac'],
    };
    const fields = Object.keys(base);
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 }), (field, value) => {
        const dir = join(scratch, `fuzz-${counter++}`);
        mkdirSync(join(dir, 'controls'), { recursive: true });
        cpSync(join(VALID, 'frameworks'), join(dir, 'frameworks'), { recursive: true });
        writeFileSync(
          join(dir, 'controls', 'fuzz.yaml'),
          stringify({ controls: [{ ...base, [field]: value }] }),
        );
        try {
          const catalog = loadCatalog({ dir });
          expect(catalog.controls).toHaveLength(1);
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
          expect((err as InputError).message).toContain('fuzz.yaml');
        }
      }),
      { numRuns: 60 },
    );
  });
});
