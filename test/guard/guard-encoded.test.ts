import { describe, expect, it } from 'vitest';
import { createGuard, hasEncodedRun } from '../../src/guard/guard.js';

// Assembled at run time so the repository holds no string a secret scanner would flag.
const secret = ['ghp', '_R4nd0mT0k3nV4lu3F0rT3st1ngAbCdEf1234'].join('');
const spacedHex = [...secret].map((c) => c.charCodeAt(0).toString(16)).join(' ');
const spacedBinary = [...secret].map((c) => c.charCodeAt(0).toString(2).padStart(8, '0')).join(' ');
const tagCharacters = [...secret].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');

describe('secrets hidden in encodings the pre-check used to miss', () => {
  const guard = createGuard('default');
  for (const [name, encoded] of [
    ['space-separated hex', spacedHex],
    ['space-separated binary', spacedBinary],
    ['Unicode tag characters', tagCharacters],
  ] as const) {
    it(`blocks a token written as ${name}`, () => {
      expect(hasEncodedRun(`the token is ${encoded}`)).toBe(true);
      const result = guard.check({ text: `the token is ${encoded}`, direction: 'output' });
      expect(result.action).toBe('block');
      expect(result.detections.some((d) => d.type === 'secret' && d.entity === 'github-pat')).toBe(true);
    });
  }

  it('does not treat prose with a few numbers as encoded', () => {
    expect(hasEncodedRun('Call me at 10 or 11 tomorrow; the room is 4 and the code is 12 34 56.')).toBe(
      false,
    );
    expect(hasEncodedRun('a bad cafe faced a dead bee')).toBe(false);
  });
});
