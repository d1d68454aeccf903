import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/util/suggest.js';

describe('suggest', () => {
  it('computes edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('suggests the closest name and nothing for unrelated input', () => {
    expect(closest('nist-800-53', ['nist-800-53-r5', 'iso-27001'])).toBe('nist-800-53-r5');
    expect(closest('zzzzzzzz', ['owasp-llm-2025'])).toBeUndefined();
  });
});
