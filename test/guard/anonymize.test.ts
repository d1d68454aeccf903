import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymize, createSalt, createVault } from '../../src/guard/anonymize.js';
import { detectPii } from '../../src/guard/pii/index.js';

const text = 'Mail jane@example.com, card 4111 1111 1111 1111.';
const email = { start: 5, end: 21, entity: 'EMAIL', score: 0.95 };
const card = { start: 28, end: 47, entity: 'CREDIT_DEBIT_CARD_NUMBER', score: 0.9 };

describe('anonymize', () => {
  it('writes Bedrock-style tags', () => {
    expect(anonymize(text, [email, card], 'tag')).toBe('Mail {EMAIL}, card {CREDIT_DEBIT_CARD_NUMBER}.');
  });

  it('masks keeping the length, and the last four digits of a card', () => {
    const masked = anonymize(text, [email, card], 'mask');
    expect(masked).toHaveLength(text.length);
    expect(masked).toBe('Mail ****************, card **** **** **** 1111.');
  });

  it('hashes deterministically per salt', () => {
    const salt = createSalt();
    const a = anonymize(text, [email], 'hash', undefined, { salt });
    const b = anonymize(text, [email], 'hash', undefined, { salt });
    const c = anonymize(text, [email], 'hash', undefined, { salt: createSalt() });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^Mail \{EMAIL:[0-9a-f]{12}\}, card/);
    expect(a).not.toContain('jane');
  });

  it('gives the same token to the same value and restores the answer', () => {
    const vault = createVault();
    const input = 'jane@example.com wrote to bob@example.com and jane@example.com';
    const spans = detectPii(input);
    const masked = anonymize(input, spans, 'token', vault);
    expect(masked).toBe('{EMAIL_1} wrote to {EMAIL_2} and {EMAIL_1}');
    expect(vault.restore('Reply sent to {EMAIL_2}; {EMAIL_9} is unknown.')).toBe(
      'Reply sent to bob@example.com; {EMAIL_9} is unknown.',
    );
  });

  it('does not issue a token that already occurs in the text', () => {
    const vault = createVault();
    const input = 'literal {EMAIL_1} and jane@example.com';
    const masked = anonymize(input, detectPii(input), 'token', vault);
    expect(masked).toBe('literal {EMAIL_1} and {EMAIL_2}');
    expect(vault.restore(masked)).toBe(input);
  });

  it('resolves overlaps: the higher score, then the longer span wins', () => {
    const overlapping = [
      { start: 0, end: 4, entity: 'NAME', score: 0.6 },
      { start: 2, end: 10, entity: 'ADDRESS', score: 0.9 },
      { start: 0, end: 10, entity: 'URL', score: 0.6 },
    ];
    expect(anonymize('abcdefghij rest', overlapping, 'tag')).toBe('ab{ADDRESS} rest');
    expect(anonymize('abcdefghij rest', overlapping.slice(0, 1).concat(overlapping.slice(2)), 'tag')).toBe(
      '{URL} rest',
    );
  });

  it('ignores spans outside the text', () => {
    expect(anonymize('short', [{ start: 3, end: 99, entity: 'NAME' }], 'tag')).toBe('short');
  });

  it('a bounded vault forgets its oldest values and never reissues their tokens', () => {
    const vault = createVault({ maxEntries: 2 });
    const first = vault.tokenFor('EMAIL', 'a@example.com', '');
    const second = vault.tokenFor('EMAIL', 'b@example.com', '');
    const third = vault.tokenFor('EMAIL', 'c@example.com', '');
    expect(vault.size).toBe(2);
    expect(vault.restore(`${first} ${second} ${third}`)).toBe(`${first} b@example.com c@example.com`);
    const again = vault.tokenFor('EMAIL', 'a@example.com', '');
    expect(new Set([first, second, third, again]).size).toBe(4);
  });

  it('needs a vault for tokens', () => {
    expect(() => anonymize(text, [email], 'token')).toThrow(TypeError);
  });

  it('token anonymization round-trips for any text and spans', () => {
    const entity = fc.constantFrom('EMAIL', 'NAME', 'PHONE', 'US_SOCIAL_SECURITY_NUMBER', 'custom-id');
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), entity), { maxLength: 8 }),
        (input, raw) => {
          const spans = raw.map(([a, b, e]) => {
            const start = input.length === 0 ? 0 : a % input.length;
            return { start, end: Math.min(input.length, start + (b % 12) + 1), entity: e };
          });
          const vault = createVault();
          const masked = anonymize(input, spans, 'token', vault);
          expect(vault.restore(masked)).toBe(input);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('detect, anonymize, restore round-trips on text with PII', () => {
    const names = fc.constantFrom('Maria Fernandez', 'John Smith', 'Aiko Tanaka');
    fc.assert(
      fc.property(names, fc.integer({ min: 100, max: 999 }), (name, n) => {
        const input = `Hi, I'm ${name}, call (202) 555-0${n} or mail ${name.split(' ')[0]?.toLowerCase()}@example.com`;
        const vault = createVault();
        const masked = anonymize(input, detectPii(input), 'token', vault);
        expect(masked).not.toContain('@example.com');
        expect(vault.restore(masked)).toBe(input);
      }),
      { numRuns: 50 },
    );
  });
});
