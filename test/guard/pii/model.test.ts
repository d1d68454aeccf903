import { describe, expect, it } from 'vitest';
import { modelFromJson } from '../../../src/guard/pii/ner/model.js';

const valid = {
  labels: ['O', 'NAME', 'ADDRESS'],
  marginScale: 30,
  vocabulary: ['street'],
  weights: { b: [1, -0.5, 0], 'w=street': [0, 0, 2] },
};

describe('token model file', () => {
  it('loads weights and vocabulary', () => {
    const model = modelFromJson(valid, 'model.json');
    expect(model.weights.get('w=street')).toEqual([0, 0, 2]);
    expect(model.vocabulary.has('street')).toBe(true);
  });

  it('names the file and the field that is wrong', () => {
    expect(() => modelFromJson({ ...valid, weights: { b: [1, 2] } }, 'model.json')).toThrow(
      'model.json: weights.b: expected 3 finite numbers',
    );
    expect(() => modelFromJson({ ...valid, marginScale: -1 }, 'model.json')).toThrow(
      /model\.json: marginScale/,
    );
  });
});
