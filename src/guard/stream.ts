/**
 * Checking a text while it streams (a model's answer token by token) with bounded hold-back.
 *
 * Every push appends the chunk and rescans a window: the last `tailChars` of what was already
 * released (so a pattern that began there is seen whole) plus everything not yet released. Text
 * is released up to `tailChars` before the end, never through the middle of a detection, and only
 * after it was checked; a match that straddles two chunks is therefore seen whole before any of it
 * leaves. On a block nothing more is released. Whole-text judgements (prompt-attack classifier,
 * denied topics) run on each window and on the full text at `end()`.
 */
import type { Vault } from './anonymize.js';
import {
  applyReplacements,
  guardInternals,
  positionalDetections,
  replacementsFor,
  wellFormed,
  wholeTextDetections,
  type Guard,
  type GuardDetection,
} from './guard.js';
import type { Direction, GuardAction } from './types.js';

/** Longest span a single pattern is expected to cover; text this close to the end is held back. */
export const DEFAULT_TAIL_CHARS = 256;
/**
 * The most a stream holds back: a PEM block (longer than the tail) is held from its BEGIN line to
 * its END line up to this, and a detection still growing past this blocks the stream.
 */
export const MAX_HOLD_CHARS = 16_384;
/** New characters gathered before the window is scanned again (text is released in steps of at least this). */
export const DEFAULT_SCAN_EVERY_CHARS = 64;
/** A word (no whitespace) longer than this is released in pieces rather than held whole. */
export const MAX_WORD_HOLD_CHARS = 4096;
/** Longest vault token (`{ENTITY_NAME_123}`) that must not be cut in two. */
const MAX_TOKEN_CHARS = 80;
const PEM_BEGIN = '-----BEGIN ';
const PEM_END = '-----END ';

export interface StreamDecision {
  /** allow or anonymize for released text; block stops the stream. */
  action: GuardAction;
  /** Checked text released by this step (anonymized where the policy says); '' when nothing is ready. */
  text: string;
  /** Detections finalized by this step; offsets are into the whole streamed text. */
  detections: GuardDetection[];
  /** True after end() or a block. */
  done: boolean;
  blockedMessage?: string;
  reason?: string;
}

export interface GuardStream {
  readonly direction: Direction;
  /** Adds a chunk; returns what can be released now. */
  push(chunk: string): StreamDecision;
  /** Ends the stream: releases the held tail and runs the whole-text checks. */
  end(): StreamDecision;
  /** Characters received but not yet released (at most the tail window, or an open PEM block). */
  readonly heldChars: number;
  /** Everything decided so far. */
  summary(): { action: GuardAction; text: string; detections: GuardDetection[] };
}

export function createGuardStream(
  guard: Guard,
  direction: Direction,
  vault: Vault,
  opts: { tailChars?: number; scanEveryChars?: number } = {},
): GuardStream {
  const { policy, plans, injection, canaries, salt } = guardInternals(guard);
  const plan = plans[direction];
  const tail = Math.max(16, opts.tailChars ?? DEFAULT_TAIL_CHARS);
  const scanEvery = Math.max(1, Math.min(tail, opts.scanEveryChars ?? DEFAULT_SCAN_EVERY_CHARS));
  const restore = direction === 'output' && policy.anonymization.restoreOnOutput;
  let full = '';
  let released = 0;
  let done = false;
  let overall: GuardAction = 'allow';
  let emitted = '';
  /** The last step held text back for a word or detection that was still growing. */
  let heldBack = false;
  /** Length of the text at the last scan. */
  let scannedTo = 0;
  const decided: GuardDetection[] = [];

  const blockedMessage =
    direction === 'output' ? policy.blockedOutputsMessaging : policy.blockedInputMessaging;

  const block = (detections: GuardDetection[], reason?: string): StreamDecision => {
    done = true;
    overall = 'block';
    decided.push(...detections);
    return {
      action: 'block',
      text: '',
      detections,
      done: true,
      blockedMessage,
      ...(reason ? { reason } : {}),
    };
  };

  /**
   * Release point: end minus the tail, moved back before any detection it would cut or that still
   * touches the end (it may grow). Overlapping detections are merged first, so one pass from the
   * right settles it. `overflow`: a detection has held back more than MAX_HOLD_CHARS.
   */
  const releasePoint = (
    detections: readonly GuardDetection[],
    final: boolean,
  ): { point: number; overflow: boolean } => {
    if (final) return { point: full.length, overflow: false };
    let point = full.length - tail;
    // searches stay inside the unreleased text, so a long stream does not rescan what it released
    let pem = -1;
    for (let i = full.indexOf(PEM_BEGIN, released); i >= 0; i = full.indexOf(PEM_BEGIN, i + 1)) pem = i;
    if (pem >= 0 && full.indexOf(PEM_END, pem) < 0 && full.length - pem <= MAX_HOLD_CHARS)
      point = Math.min(point, pem);
    // Secrets are single words (a JWT, a key) and some patterns only match once the word is whole:
    // release at the start of the word the point falls in, unless the word is longer than the hold limit.
    if (point > released && point < full.length && !isSpace(full.charCodeAt(point - 1))) {
      let start = point - 1;
      while (start > released && !isSpace(full.charCodeAt(start - 1)) && point - start < MAX_WORD_HOLD_CHARS)
        start--;
      // a word already cut at `released` (longer than the hold limit) is not held again
      const alreadyCut = start === released && released > 0 && !isSpace(full.charCodeAt(released - 1));
      if (point - start < MAX_WORD_HOLD_CHARS && !alreadyCut) point = start;
    }
    if (restore) {
      // a vault token ({EMAIL_1}) cut by the release point would not be restored: release before it
      let brace = -1;
      for (let i = point - 1; i >= Math.max(released, point - MAX_TOKEN_CHARS); i--)
        if (full.charCodeAt(i) === 123 /* { */) {
          brace = i;
          break;
        }
      const close = brace < 0 ? -1 : full.indexOf('}', brace);
      if (brace >= 0 && (close < 0 || close >= point)) point = brace;
    }
    const spans = detections
      .filter((d) => d.start !== undefined && d.end !== undefined && d.start >= released)
      .map((d) => ({ start: d.start!, end: d.end! }))
      .sort((a, b) => a.start - b.start);
    const clusters: Array<{ start: number; end: number }> = [];
    for (const span of spans) {
      const last = clusters[clusters.length - 1];
      if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
      else clusters.push({ ...span });
    }
    let heldByDetection = false;
    for (let i = clusters.length - 1; i >= 0; i--) {
      const c = clusters[i]!;
      if (c.start < point && (c.end > point || c.end >= full.length)) {
        point = c.start;
        heldByDetection = true;
      } else if (c.end <= point) break;
    }
    // never split a surrogate pair
    if (point > released && point < full.length) {
      const c = full.charCodeAt(point - 1);
      if (c >= 0xd800 && c <= 0xdbff) point--;
    }
    point = Math.max(point, released);
    return { point, overflow: heldByDetection && full.length - point > MAX_HOLD_CHARS };
  };

  const step = (final: boolean): StreamDecision => {
    const windowStart = Math.max(0, released - tail);
    const window = full.slice(windowStart);
    const found = positionalDetections(plan, window, canaries()).map((d) =>
      d.start === undefined ? d : { ...d, start: d.start + windowStart, end: d.end! + windowStart },
    );
    const wholeWindow = wholeTextDetections(plan, final ? full : window, injection, direction === 'context');
    const blockingWhole = wholeWindow.filter((d) => d.action === 'BLOCK');
    if (blockingWhole.length > 0) return block(blockingWhole);

    const { point, overflow } = releasePoint(found, final);
    // Fail closed rather than rescan an ever-growing window: a match this long is not benign text.
    if (overflow)
      return block([], `a detection held back more than ${MAX_HOLD_CHARS} characters of the stream`);
    // A detection that straddles what was already released was found late (its pattern needed text
    // past the tail): its released part is gone, the rest is still decided here.
    const fresh = found
      .filter((d) => d.start !== undefined && d.end! > released && d.start < point)
      .map((d) => (d.start! < released ? { ...d, start: released, reason: lateReason(d) } : d));
    if (final) fresh.push(...wholeWindow);
    if (fresh.some((d) => d.action === 'BLOCK')) return block(fresh);
    decided.push(...fresh);

    const segment = full.slice(released, point);
    const shifted = fresh.map((d) =>
      d.start === undefined ? d : { ...d, start: d.start - released, end: d.end! - released },
    );
    const replacements = replacementsFor(shifted);
    const out = applyReplacements(
      replacements.length > 0 ? wellFormed(segment) : segment,
      replacements,
      policy.anonymization.mode,
      vault,
      salt,
      restore,
    );
    const action: GuardAction = replacements.length > 0 ? 'anonymize' : 'allow';
    if (action === 'anonymize') overall = 'anonymize';
    released = point;
    heldBack = !final && point < full.length - tail;
    scannedTo = full.length;
    emitted += out;
    if (final) done = true;
    return { action, text: out, detections: fresh, done: final };
  };

  return {
    direction,
    get heldChars() {
      return full.length - released;
    },
    push(chunk: string): StreamDecision {
      if (done) return { action: overall, text: '', detections: [], done: true };
      if (typeof chunk !== 'string')
        throw new TypeError(`guard stream: chunk must be a string, got ${typeof chunk}`);
      full += chunk;
      if (full.length > policy.maxInputChars)
        return block([], `streamed text passed the policy's maxInputChars of ${policy.maxInputChars}`);
      // While a held word or match only grows (no whitespace arrives), rescanning it on every tiny
      // chunk would cost hold²/chunk; nothing could be released, so the scan waits for a boundary
      // or for the hold limit.
      if (heldBack && !hasSpace(chunk) && full.length - released <= MAX_WORD_HOLD_CHARS)
        return { action: 'allow', text: '', detections: [], done: false };
      // Model streams arrive a token (a few characters) at a time: scanning the window on each
      // would rescan every character ~100 times; batching bounds that to about (2·tail)/scanEvery.
      if (full.length - scannedTo < scanEvery)
        return { action: 'allow', text: '', detections: [], done: false };
      return step(false);
    },
    end(): StreamDecision {
      if (done) return { action: overall, text: '', detections: [], done: true };
      return step(true);
    },
    summary() {
      return { action: overall, text: emitted, detections: [...decided] };
    },
  };
}

const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029;

function hasSpace(chunk: string): boolean {
  for (let i = 0; i < chunk.length; i++) if (isSpace(chunk.charCodeAt(i))) return true;
  return false;
}

function lateReason(d: GuardDetection): string {
  return `found after part of it was released${d.reason ? `; ${d.reason}` : ''}`;
}

/** Feeds an (async) iterable of chunks through a guard stream; yields every non-empty piece and the final decision. */
export async function* checkChunks(
  stream: GuardStream,
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<StreamDecision, void, undefined> {
  for await (const chunk of chunks) {
    const decision = stream.push(chunk);
    if (decision.text !== '' || decision.detections.length > 0 || decision.done) yield decision;
    if (decision.done) return;
  }
  yield stream.end();
}
