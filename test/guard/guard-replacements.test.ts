import { describe, expect, it } from 'vitest';
import { createVault } from '../../src/guard/anonymize.js';
import { applyReplacements, detection, directionalAction, replacementsFor } from '../../src/guard/guard.js';
import type { DetectionType } from '../../src/guard/types.js';

const d = (
  type: DetectionType,
  start: number,
  end: number,
  entity?: string,
  action: 'ANONYMIZE' | 'BLOCK' | 'NONE' = 'ANONYMIZE',
) => detection(type, { start, end, score: 1, detector: 'test', action, ...(entity ? { entity } : {}) });

describe('replacements', () => {
  it('merges overlapping spans into their union, named after the longer one', () => {
    const r = replacementsFor([
      d('pii', 10, 20, 'PHONE'),
      d('pii', 5, 25, 'ADDRESS'),
      d('pii', 30, 35, 'EMAIL'),
    ]);
    expect(r).toEqual([
      { start: 5, end: 25, entity: 'ADDRESS' },
      { start: 30, end: 35, entity: 'EMAIL' },
    ]);
  });

  it('ignores detections whose action is not ANONYMIZE or that have no offsets', () => {
    const whole = detection('prompt_injection', { score: 1, detector: 'test', action: 'ANONYMIZE' });
    expect(replacementsFor([d('pii', 0, 4, 'NAME', 'NONE'), d('secret', 5, 9, 'x', 'BLOCK'), whole])).toEqual(
      [],
    );
  });

  it('removes invisible spans and tags the rest, keeping the text between them', () => {
    const text = 'ab\u200bcd jane@example.com e\u2066f';
    const r = replacementsFor([
      d('invisible_text', 2, 3),
      d('pii', 6, 22, 'EMAIL'),
      d('invisible_text', 24, 25),
      d('secret', 0, 0, 'k'),
    ]);
    expect(applyReplacements(text, r, 'tag', createVault())).toBe('abcd {EMAIL} ef');
  });

  it('a PII span that contains invisible characters is replaced whole', () => {
    const r = replacementsFor([d('pii', 0, 10, 'NAME'), d('invisible_text', 3, 4)]);
    expect(r).toEqual([{ start: 0, end: 10, entity: 'NAME' }]);
  });

  it('masks and hashes span by span with stable hashes for equal values under one salt', () => {
    const text = 'a@b.io and a@b.io';
    const r = replacementsFor([d('pii', 0, 6, 'EMAIL'), d('pii', 11, 17, 'EMAIL')]);
    expect(applyReplacements(text, r, 'mask', createVault())).toBe('****** and ******');
    const hashed = applyReplacements(text, r, 'hash', createVault(), 'salt-1');
    const [first, second] = hashed.split(' and ');
    expect(first).toMatch(/^\{EMAIL:[0-9a-f]{12}\}$/);
    expect(second).toBe(first);
    expect(applyReplacements(text, r, 'hash', createVault(), 'salt-2')).not.toBe(hashed);
  });
});

describe('directionalAction (Bedrock rules)', () => {
  it('lets inputAction/outputAction override action and disables a direction', () => {
    const cfg = { action: 'ANONYMIZE' as const, outputAction: 'BLOCK' as const, inputEnabled: false };
    expect(directionalAction(cfg, 'input', 'NONE')).toBeUndefined();
    expect(directionalAction(cfg, 'context', 'NONE')).toBeUndefined();
    expect(directionalAction(cfg, 'output', 'NONE')).toBe('BLOCK');
    expect(directionalAction({}, 'output', 'BLOCK')).toBe('BLOCK');
    expect(directionalAction({ action: 'NONE' as const }, 'input', 'BLOCK')).toBe('NONE');
  });
});
