import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/guard.js';

// Inputs that make backtracking or quadratic scanners blow up, at the default size limit.
// The bound is generous (timing itself is measured in bench/guard-speed.ts); a non-linear
// detector takes minutes here, not seconds.
const SIZE = 100_000;
const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
let seed = 7;
const random = (): number => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;

const inputs: Array<[string, string]> = [
  ['one character', 'a'.repeat(SIZE)],
  ['one digit', '7'.repeat(SIZE)],
  ['deep brackets', '('.repeat(SIZE / 2) + ')'.repeat(SIZE / 2)],
  ['no spaces', Array.from({ length: SIZE }, () => alnum[Math.floor(random() * alnum.length)]).join('')],
  ['near-miss e-mails', 'a@'.repeat(SIZE / 2)],
  ['near-miss cards', '4111 1111 1111 111 '.repeat(Math.floor(SIZE / 19))],
  ['near-miss keys', 'AKIA1234 ghp_abc password= '.repeat(Math.floor(SIZE / 27))],
  ['near-miss links', '![x](http://a.b/?q='.repeat(Math.floor(SIZE / 19))],
  ['invisible every other char', 'a\u200b'.repeat(SIZE / 2)],
  ['open tags', '<script '.repeat(SIZE / 8)],
];

describe('guard on adversarial inputs', () => {
  const guard = createGuard({
    ...createGuard().policy,
    wordPolicy: { words: ['project zephyr'], managedWordLists: ['PROFANITY'] },
    topicPolicy: {
      topics: [{ name: 'Investment advice', definition: 'Which stocks or funds to buy or sell.' }],
    },
  });
  it.each(inputs)(
    '%s: check() and stream() finish and decide',
    (_label, text) => {
      for (const direction of ['input', 'output'] as const) {
        const result = guard.check({ text, direction });
        expect(['allow', 'anonymize', 'block']).toContain(result.action);
      }
      const stream = guard.stream('output');
      for (let i = 0; i < text.length; i += 4096) if (stream.push(text.slice(i, i + 4096)).done) break;
      expect(stream.end().done).toBe(true);
    },
    60_000,
  );
});
