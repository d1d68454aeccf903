import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featuresAt, tableInfos, tokenInfos, type Label } from '../../../src/guard/pii/ner/features.js';
import { loadGazetteer } from '../../../src/guard/pii/ner/gazetteer.js';
import { labelTokens } from '../../../src/guard/pii/ner/index.js';
import { loadTokenModel, scoreFeatures } from '../../../src/guard/pii/ner/model.js';
import { KIND_NAMES, tokenize, tokenTable } from '../../../src/guard/pii/ner/tokenize.js';

/**
 * The inference path (token table, interned infos, pre-filter, precomputed weight sums) must give
 * what the training-time path (Token objects, feature strings) gives, on any text: the model was
 * trained on the latter.
 */
const pieces = [
  'Maria',
  'Fernandez',
  'john',
  'smith',
  'Mr.',
  'Dr',
  'van',
  'der',
  'Berg',
  'New',
  'York',
  'new',
  'york',
  'San',
  'Francisco',
  'Rio',
  'de',
  'Janeiro',
  'Baker',
  'Street',
  'St',
  'Ave',
  'Apt',
  '221B',
  '12',
  '90210',
  'SW1A',
  '1AA',
  'the',
  'The',
  'I',
  'Python',
  'API',
  'Jean-Pierre',
  "O'Brien",
  'Zoë',
  'İstanbul',
  'Łódź',
  '東京',
  '😀',
  'ok',
  ',',
  '.',
  '!',
  ':',
  '"',
  '“',
  '-',
  "'",
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '\u00a0',
  '\ud800',
  'a-',
  '-b',
  "x'",
  'Straße',
  'rue',
  'de',
  'la',
  'Paix',
];
const textArb = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join('')),
  fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join(' ')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

describe('name/address inference path', () => {
  it('the token table has the tokens of tokenize(), in order', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const tokens = tokenize(text);
        const table = tokenTable(text);
        expect(table.count).toBe(tokens.length);
        tokens.forEach((t, i) => {
          expect([
            table.start[i],
            table.end[i],
            KIND_NAMES[table.kind[i] ?? 0],
            table.newlineBefore[i] === 1,
          ]).toEqual([t.start, t.end, t.kind, t.newlineBefore]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('interned infos equal the infos of tokenInfos(), place n-grams included', () => {
    const gaz = loadGazetteer();
    fc.assert(
      fc.property(textArb, (text) => {
        const expected = tokenInfos(tokenize(text), gaz);
        // Twice: the second call is served from the intern table.
        for (let round = 0; round < 2; round++)
          expect(tableInfos(text, tokenTable(text), gaz)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('labels every token as the feature-string path does, and leaves only untriggered ones out', () => {
    const model = loadTokenModel();
    const gaz = loadGazetteer();
    const knows = (w: string): boolean => model.vocabulary.has(w);
    fc.assert(
      fc.property(textArb, (text) => {
        const tokens = tokenize(text);
        const infos = tokenInfos(tokens, gaz);
        const fast = labelTokens(text, model, gaz);
        const labels: Label[] = ['O', 'NAME', 'ADDRESS'];
        const scores = [0, 0, 0];
        let prev1: Label = 'O';
        let prev2: Label = 'O';
        tokens.forEach((token, i) => {
          const near = infos.slice(Math.max(0, i - 3), i + 4).some((info) => info.trigger);
          let expected: Label = 'O';
          let tie = false;
          if (near && token.kind !== 'punct') {
            scoreFeatures(model, featuresAt(tokens, infos, i, prev1, prev2, knows), scores);
            expected = labels[scores.indexOf(Math.max(...scores))] ?? 'O';
            const [top = 0, second = 0] = [...scores].sort((a, b) => b - a);
            // The paths add the same weights in a different order: an exact tie may round either way.
            tie = top - second < 1e-9;
          }
          const got = labels[fast.labels[i] ?? 0] ?? 'O';
          if (!tie) expect(got, `${token.text} in ${JSON.stringify(text)}`).toBe(expected);
          prev2 = prev1;
          prev1 = got;
        });
      }),
      { numRuns: 200 },
    );
  });
});
