import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBedrockRequest } from '../../../src/guard/policy/bedrock.js';
import { parsePolicy } from '../../../src/guard/policy/load.js';
import { checkCustomRegex, hasNestedQuantifier } from '../../../src/guard/policy/regex-safety.js';
import { InputError } from '../../../src/util/errors.js';

/** Runs fn; anything thrown must be an InputError (a clear message), never a crash. */
function onlyInputErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    expect(err.message.length).toBeGreaterThan(0);
  }
}

describe('policy parsers on arbitrary input', () => {
  it('the regex safety check never throws and answers in time on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (pattern) => {
        const verdict = checkCustomRegex(pattern);
        expect(verdict === undefined || typeof verdict === 'string').toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('flags every quantified group that contains a variable quantifier', () => {
    const atom = fc.constantFrom('a', '\\d', '[a-z]', '.', '\\w');
    const inner = fc.constantFrom('+', '*', '{1,5}', '{2,}');
    const outer = fc.constantFrom('+', '*', '{2,9}', '{1,}');
    fc.assert(
      fc.property(
        atom,
        inner,
        outer,
        fc.constantFrom('(', '(?:'),
        fc.string({ maxLength: 5 }).filter((s) => !/[()[\]\\{}*+?]/.test(s)),
        (a, i, o, open, lit) => {
          expect(hasNestedQuantifier(`${lit}${open}${a}${i}${lit})${o}`)).toBe(true);
          expect(hasNestedQuantifier(`${lit}${open}${a}${lit})${o}`)).toBe(false);
        },
      ),
    );
  });

  it('policy validation and Bedrock import throw only InputErrors on arbitrary JSON', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    const policyish = fc.record(
      {
        name: fc.oneof(fc.string(), json),
        contentPolicy: fc.record({
          filters: fc.array(
            fc.record({
              type: fc.constantFrom('PROMPT_ATTACK', 'HATE', 'X'),
              inputStrength: fc.constantFrom('HIGH', 'NONE', 'Z'),
            }),
          ),
        }),
        sensitiveInformationPolicy: fc.record({
          piiEntities: fc.array(fc.record({ type: fc.string(), action: fc.string() })),
          regexes: fc.array(
            fc.record({
              name: fc.string(),
              pattern: fc.string(),
              action: fc.constantFrom('BLOCK', 'ANONYMIZE'),
            }),
          ),
        }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(json, policyish), (value) => {
        onlyInputErrors(() => parsePolicy(value));
        onlyInputErrors(() => importBedrockRequest(value));
      }),
      { numRuns: 300 },
    );
  });
});
