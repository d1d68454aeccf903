import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { InputError } from '../../src/util/errors.js';
import { parseStructuredFile, validateParsed } from '../../src/util/structured-file.js';

describe('structured files', () => {
  it('names the line of a syntax error', () => {
    expect(() => parseStructuredFile('bad.yaml', { text: 'a: 1\nb: [1, 2\nc: 3\n' })).toThrow(
      /bad\.yaml:\d+:/,
    );
  });

  it('names a directory or a missing file as the input error it is', () => {
    expect(() => parseStructuredFile(tmpdir())).toThrow(/not a file/);
    expect(() => parseStructuredFile(join(tmpdir(), 'aigis-no-such-file.yaml'))).toThrow(
      /cannot read file \(ENOENT\)/,
    );
  });

  it('turns an alias without its anchor into an InputError', () => {
    expect(() => parseStructuredFile('alias.yaml', { text: '*!' })).toThrow(InputError);
  });

  it('names file, line and field of a schema error', () => {
    const parsed = parseStructuredFile('m.yaml', { text: 'name: x\nitems:\n  - id: a\n  - id: 3\n' });
    const schema = z.object({ name: z.string(), items: z.array(z.object({ id: z.string() })) });
    try {
      validateParsed(parsed, schema);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).line).toBe(4);
      expect((err as InputError).field).toBe('items[1].id');
      expect((err as Error).message).toMatch(/^m\.yaml:4: items\[1\]\.id: /);
    }
  });

  it('never throws anything but InputError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parseStructuredFile('f.yaml', { text });
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
