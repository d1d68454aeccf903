import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/assess/load.js';
import { manifestSchema } from '../../src/assess/manifest.js';
import { determineEuAiAct, determineRegulations } from '../../src/assess/regulations.js';
import { determineScope } from '../../src/assess/scope.js';
import { InputError } from '../../src/util/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'aigis-prop-'));
const file = join(dir, 'aigis.yaml');

function loadText(text: string): unknown {
  writeFileSync(file, text);
  try {
    return loadManifest(file);
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
}

describe('manifest loading on arbitrary input', () => {
  it('either loads or throws an InputError naming the file, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const out = loadText(text);
        if (out instanceof InputError) expect(out.message).toContain(file);
      }),
      { numRuns: 150 },
    );
  });

  it('handles arbitrary JSON values in every top-level field', () => {
    const keys = [
      'name',
      'owner',
      'scope',
      'models',
      'datasets',
      'dataSubjects',
      'useCase',
      'humanOversight',
      'paths',
      'attestations',
      'review',
    ];
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 })), (value) => {
        const out = loadText(JSON.stringify({ name: 'n', owner: 'o', ...value }));
        if (out instanceof InputError) expect(out.field ?? '').not.toBe('');
      }),
      { numRuns: 150 },
    );
  });
});

const model = fc.record({
  id: fc.constantFrom('a', 'b', 'c'),
  provider: fc.constantFrom('amazon-bedrock', 'sagemaker', 'self', 'openai'),
  modelId: fc.constantFrom('anthropic.claude-3', 'amazon.titan-embed-text-v2:0', 'xgb'),
  customization: fc.constantFrom('none', 'fine-tuned', 'continued-pretraining', 'self-trained'),
});

describe('determinations on arbitrary valid manifests', () => {
  it('the scope follows the most customised model whatever was declared', () => {
    fc.assert(
      fc.property(
        fc.array(model, { maxLength: 4 }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        (models, scope) => {
          const m = manifestSchema.parse({ name: 'n', owner: 'o', models, ...(scope ? { scope } : {}) });
          const d = determineScope(m);
          if (models.some((x) => x.customization === 'self-trained' || x.provider === 'self'))
            expect(d.scope).toBe(5);
          else if (models.some((x) => x.customization !== 'none')) expect(d.scope).toBe(4);
          else if (scope !== undefined && (scope <= 3 || models.length === 0)) expect(d.scope).toBe(scope);
          else expect(d.scope).toBe(3);
          // A warning exactly when the declared scope lost, or when nothing at all was declared.
          const nothingDeclared = scope === undefined && models.length === 0;
          expect(d.warning !== undefined).toBe(nothingDeclared || (scope !== undefined && d.scope !== scope));
        },
      ),
    );
  });

  it('every regulation comes with at least one trigger, and the tier reason says when the Act does not apply', () => {
    fc.assert(
      fc.property(
        fc.record({
          euResidents: fc.boolean(),
          jurisdictions: fc.array(fc.constantFrom('US', 'DE', 'NO', 'EU', 'GB'), { maxLength: 3 }),
          classification: fc.array(fc.constantFrom('public', 'pii', 'phi', 'payment-card'), {
            minLength: 1,
            maxLength: 3,
          }),
          domain: fc.constantFrom('general', 'credit', 'medical', 'employment'),
        }),
        ({ euResidents, jurisdictions, classification, domain }) => {
          const m = manifestSchema.parse({
            name: 'n',
            owner: 'o',
            dataSubjects: { euResidents, jurisdictions },
            datasets: [{ id: 'd', classification }],
            useCase: { domain },
          });
          const regs = determineRegulations(m);
          for (const r of regs) expect(r.triggers.length).toBeGreaterThan(0);
          const act = determineEuAiAct(m, regs);
          expect(act.reason.includes('does not apply')).toBe(!regs.some((r) => r.id === 'EU-AI-Act'));
        },
      ),
    );
  });
});
