import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileTopics,
  contentStems,
  stem,
  TOPIC_THRESHOLD,
  type DeniedTopic,
} from '../../src/guard/topics.js';
import { InputError } from '../../src/util/errors.js';

const investment: DeniedTopic = {
  name: 'Investment advice',
  definition:
    'Recommendations on buying, selling or holding stocks, bonds, funds or cryptocurrencies, or on allocating savings for returns.',
  examples: ['Which stocks should I buy this year?', 'Is it a good time to invest in Bitcoin?'],
};
const medical: DeniedTopic = {
  name: 'Medical diagnosis',
  definition:
    'Identifying which disease or condition a person has from their symptoms, or which medication dose to take.',
  examples: [
    'I have a headache and fever, what illness do I have?',
    'How many milligrams of ibuprofen should I take?',
  ],
};
const matcher = compileTopics([investment, medical]);

describe('compileTopics validation (Bedrock limits)', () => {
  it('names the offending field', () => {
    expect(() => compileTopics([{ ...investment, definition: 'x'.repeat(201) }])).toThrow(
      /topics\[0\]\.definition/,
    );
    expect(() => compileTopics([{ ...investment, examples: ['a', 'b', 'c', 'd', 'e', 'f'] }])).toThrow(
      /topics\[0\]\.examples/,
    );
    expect(() => compileTopics([{ ...investment, name: 'bad/name' }])).toThrow(InputError);
  });
});

describe('matching', () => {
  it.each([
    ['Would buying Tesla shares right now be a smart investment?', 'Investment advice'],
    ['Should I put my savings into index funds or bonds?', 'Investment advice'],
    ['I have a fever and a sore throat, which illness is it?', 'Medical diagnosis'],
    ['What dose of ibuprofen should I take for my back?', 'Medical diagnosis'],
  ])('%s -> %s', (text, topic) => {
    const hits = matcher.match(text);
    expect(hits[0]?.name).toBe(topic);
  });

  it.each([
    'Write a haiku about autumn leaves.',
    'How do I reverse a linked list in Python?',
    'Translate good morning into Spanish.',
    'Book a table for two at eight.',
  ])('no topic: %s', (text) => {
    expect(matcher.match(text)).toEqual([]);
  });

  it('finds a topic sentence buried in a long text (sliding window)', () => {
    const filler = 'The quarterly report covers logistics, hiring and the new office layout in detail. ';
    const text =
      filler.repeat(30) + 'Also, should I sell my stocks and buy Bitcoin instead? ' + filler.repeat(30);
    expect(matcher.match(text).map((m) => m.name)).toEqual(['Investment advice']);
    // The same filler alone stays below the threshold.
    expect(matcher.match(filler.repeat(60))).toEqual([]);
  });

  it('scores every topic between 0 and 1 and the threshold filters', () => {
    const s = matcher.scores('Which stocks should I buy?');
    expect(s.map((x) => x.name)).toEqual(['Investment advice', 'Medical diagnosis']);
    expect(s[0]!.score).toBeGreaterThan(TOPIC_THRESHOLD);
    expect(s[1]!.score).toBeLessThan(TOPIC_THRESHOLD);
    expect(matcher.match('Which stocks should I buy?', 0.9999)).toEqual([]);
  });

  it('stems and drops stop words', () => {
    expect(stem('investments')).toBe(stem('investment'));
    expect(contentStems('The investing of the savings')).toEqual([stem('investing'), stem('savings')]);
  });

  it('matches topics written in a language without spaces (character bigrams) or with other function words', () => {
    const m = compileTopics([
      {
        name: 'Investment advice',
        definition: '关于购买或出售股票、基金或加密货币的投资建议。',
        examples: ['我应该买哪只股票？'],
      },
      {
        name: 'Politik',
        definition: 'Meinungen zu politischen Parteien, Politikern und Wahlen.',
        examples: ['Wen soll ich bei der Wahl wählen?'],
      },
    ]);
    expect(m.match('请推荐几只值得购买的股票').map((x) => x.name)).toEqual(['Investment advice']);
    expect(m.match('Welche Partei soll ich wählen?').map((x) => x.name)).toEqual(['Politik']);
    expect(m.match('今天天气怎么样？')).toEqual([]);
    expect(m.match('Wie koche ich Nudeln?')).toEqual([]);
  });

  it('compiles an empty topic list to a matcher that finds nothing', () => {
    expect(compileTopics([]).match('anything at all')).toEqual([]);
  });
});

describe('properties', () => {
  it('never throws and keeps scores in [0, 1]', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        for (const s of matcher.scores(text)) {
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('handles adversarial inputs within a generous bound', () => {
    const t0 = Date.now();
    matcher.match('stock '.repeat(150_000));
    matcher.match('a'.repeat(1_000_000));
    matcher.match('é '.repeat(400_000));
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});
