import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPii } from '../../../src/guard/pii/index.js';
import { featuresAt, tokenInfos, type Label } from '../../../src/guard/pii/ner/features.js';
import { loadGazetteer } from '../../../src/guard/pii/ner/gazetteer.js';
import { labelTokens } from '../../../src/guard/pii/ner/index.js';
import { loadTokenModel, scoreFeatures } from '../../../src/guard/pii/ner/model.js';
import { tokenize } from '../../../src/guard/pii/ner/tokenize.js';

/** A Visa-style number with a correct Luhn digit. */
const cardNumber = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 })
  .map((digits) => {
    const body = [4, ...digits];
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
      let d = body[body.length - 1 - i] ?? 0;
      if (i % 2 === 0) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return body.join('') + String((10 - (sum % 10)) % 10);
  });
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/),
    fc.stringMatching(/^[a-z]{2,10}$/),
    fc.constantFrom('com', 'org', 'net', 'io', 'de'),
  )
  .map(([u, d, t]) => `${u}@${d}.${t}`);
const ssn = fc
  .tuple(
    fc.integer({ min: 1, max: 899 }).filter((a) => a !== 666),
    fc.integer({ min: 1, max: 99 }),
    fc.integer({ min: 1, max: 9999 }),
  )
  .map(
    ([a, g, s]) =>
      `${String(a).padStart(3, '0')}-${String(g).padStart(2, '0')}-${String(s).padStart(4, '0')}`,
  );
const ipv4 = fc
  .tuple(
    fc.integer({ min: 1, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 1, max: 255 }),
  )
  .map((p) => p.join('.'));
const filler = fc
  .array(
    fc.constantFrom(
      'hello',
      'the',
      'please',
      'note',
      'and',
      'thanks',
      'ok',
      ',',
      '.',
      '!',
      'here',
      'is',
      'it',
    ),
    { maxLength: 8 },
  )
  .map((w) => w.join(' '));

/** Distinct digit groups: every one is a phone/card/SSN candidate and none repeats (no memo helps). */
function numberGroups(size: number): string {
  let out = '';
  let x = 12345;
  while (out.length < size) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += String(x % 10000).padStart(4, '0') + (x % 7 === 0 ? '-' : ' ');
  }
  return out;
}

describe('detectPii properties', () => {
  it('every match lies inside the text, is non-empty, and matches do not overlap', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const matches = detectPii(text);
        let lastEnd = 0;
        for (const m of matches) {
          expect(m.start).toBeGreaterThanOrEqual(lastEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(1);
          lastEnd = m.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary strings, lone surrogates included', () => {
    const surrogates = fc
      .array(fc.constantFrom('\ud800', '\udfff', '\ud83d\ude00', 'a', '1', '@', '.', ' ', '-'), {
        maxLength: 200,
      })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), surrogates),
        (text) => {
          expect(() => detectPii(text)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the offsets of an embedded value slice out exactly that value', () => {
    const valued = fc.oneof(
      cardNumber.map((v) => ['CREDIT_DEBIT_CARD_NUMBER', v] as const),
      email.map((v) => ['EMAIL', v] as const),
      ssn.map((v) => ['US_SOCIAL_SECURITY_NUMBER', v] as const),
      ipv4.map((v) => ['IP_ADDRESS', v] as const),
    );
    fc.assert(
      fc.property(filler, valued, filler, (before, [entity, value], after) => {
        const text = `${before} ${value} ${after}`;
        const match = detectPii(text).find((m) => m.entity === entity);
        expect(match).toBeDefined();
        expect(text.slice(match?.start, match?.end)).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it('offsets stay right after astral characters (UTF-16, not code points)', () => {
    const text = '😀😀 mail 😀 a.b@example.com 😀';
    const match = detectPii(text).find((m) => m.entity === 'EMAIL');
    expect(text.slice(match?.start, match?.end)).toBe('a.b@example.com');
  });

  it('stays linear on adversarial input', () => {
    const size = 200_000;
    const inputs = [
      'a'.repeat(size),
      '1'.repeat(size),
      '@'.repeat(size),
      'a@'.repeat(size / 2),
      '1-'.repeat(size / 2),
      '1.'.repeat(size / 2),
      ':'.repeat(size),
      'a:'.repeat(size / 2),
      'A1'.repeat(size / 2),
      '('.repeat(size),
      'x.com'.repeat(size / 5),
      'password: '.repeat(size / 10),
      'Name '.repeat(size / 5),
      '4111 '.repeat(size / 5),
      numberGroups(size),
    ];
    for (const input of inputs) {
      const t0 = performance.now();
      detectPii(input);
      // Generous: a quadratic scan of 200 KB takes minutes; this guards against that, not speed.
      expect(performance.now() - t0, input.slice(0, 12)).toBeLessThan(5000);
    }
  });
});

describe('name/address classifier', () => {
  it('the fast inference path gives the labels of the training-time feature path', () => {
    const model = loadTokenModel();
    const gaz = loadGazetteer();
    const texts = [
      'Hi, my name is Maria Fernandez and I live at 12 Baker Street, London NW1 6XE.',
      'Dear Mr. Okafor,\nyour parcel for 221B Baker St is waiting in Leeds.',
      'the quick brown fox met john smith in paris',
    ];
    for (const text of texts) {
      const tokens = tokenize(text);
      const infos = tokenInfos(tokens, gaz);
      const fast = labelTokens(text, model, gaz);
      let prev1: Label = 'O';
      let prev2: Label = 'O';
      const scores = [0, 0, 0];
      const labels = ['O', 'NAME', 'ADDRESS'] as const;
      tokens.forEach((token, i) => {
        const expected = labels[fast.labels[i] ?? 0];
        // Tokens left out by the pre-filter are O by construction; compare the classified ones.
        if (token.kind !== 'punct' && fast.scores[i] !== 1) {
          scoreFeatures(
            model,
            featuresAt(tokens, infos, i, prev1, prev2, (w) => model.vocabulary.has(w)),
            scores,
          );
          const best = scores.indexOf(Math.max(...scores));
          expect(labels[best], token.text).toBe(expected);
        }
        prev2 = prev1;
        prev1 = labels[fast.labels[i] ?? 0] ?? 'O';
      });
    }
  });
});
