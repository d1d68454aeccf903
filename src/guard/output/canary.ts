/**
 * Canary tokens for system-prompt leakage (OWASP LLM07): put `createCanary()` in the system
 * prompt, then `findCanaries(answer, [canary])` tells whether the model repeated it, even
 * lightly altered: other case, spaces, punctuation, zero-width characters or line breaks
 * inserted, homoglyphs. Matching runs on the letters and digits of the normalized text only,
 * with an offset map back to the original.
 */
import { randomBytes } from 'node:crypto';
import type { Span } from '../types.js';
import { normalizeWithOffsets } from '../words.js';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: survives retyping
const RANDOM_LENGTH = 20;
/** A leak of at least this many consecutive canary characters (of the random part) still counts. */
const MIN_PARTIAL = 10;
export const MAX_CANARY_SCAN_LENGTH = 4 * 1024 * 1024;

/** A fresh random token (about 99 bits), e.g. `cnry-k7wq2m9xh4t6vbz8pd3r`. */
export function createCanary(): string {
  const bytes = randomBytes(RANDOM_LENGTH);
  let token = '';
  for (const b of bytes) token += ALPHABET[b % ALPHABET.length];
  return `cnry-${token}`;
}

/** Letters and digits of the normalized text, and where each came from. */
function alnumStream(text: string): { stream: string; from: number[]; to: number[] } {
  const norm = normalizeWithOffsets(text);
  let stream = '';
  const from: number[] = [];
  const to: number[] = [];
  norm.chars.forEach((c, k) => {
    if (/^[a-z0-9]$/.test(c)) {
      stream += c;
      from.push(norm.from[k]!);
      to.push(norm.to[k]!);
    }
  });
  return { stream, from, to };
}

function key(canary: string): string {
  return alnumStream(canary).stream;
}

/**
 * Where any of `canaries` occurs in `text`: the whole token (score 1), or only its random part
 * or at least MIN_PARTIAL consecutive characters of it (score 0.6 to 0.9 by length).
 */
export function findCanaries(text: string, canaries: readonly string[]): Span[] {
  if (text.length > MAX_CANARY_SCAN_LENGTH) {
    throw new RangeError(
      `findCanaries: text of ${text.length} characters exceeds the limit of ${MAX_CANARY_SCAN_LENGTH}`,
    );
  }
  const keys = canaries.map(key).filter((k) => k.length >= MIN_PARTIAL);
  if (keys.length === 0) return [];
  const { stream, from, to } = alnumStream(text);
  const spans: Span[] = [];
  const add = (at: number, length: number, score: number): void => {
    spans.push({ start: from[at]!, end: to[at + length - 1]!, score });
  };
  for (const k of keys) {
    let whole = false;
    for (let at = stream.indexOf(k); at !== -1; at = stream.indexOf(k, at + 1)) {
      add(at, k.length, 1);
      whole = true;
    }
    if (whole) continue;
    // Partial leaks: the first and the last MIN_PARTIAL characters of the random part anchor
    // the search; the leak is extended as far as it keeps agreeing with the canary.
    const random = k.startsWith('cnry') ? k.slice(4) : k;
    const anchors = [random.slice(0, MIN_PARTIAL), random.slice(-MIN_PARTIAL)];
    const seen = new Set<number>();
    anchors.forEach((anchor, which) => {
      const offsetInRandom = which === 0 ? 0 : random.length - MIN_PARTIAL;
      for (let at = stream.indexOf(anchor); at !== -1; at = stream.indexOf(anchor, at + 1)) {
        let s = at;
        let r = offsetInRandom;
        while (s > 0 && r > 0 && stream[s - 1] === random[r - 1]) {
          s--;
          r--;
        }
        let e = at + MIN_PARTIAL;
        let re = offsetInRandom + MIN_PARTIAL;
        while (e < stream.length && re < random.length && stream[e] === random[re]) {
          e++;
          re++;
        }
        if (seen.has(s)) continue;
        seen.add(s);
        const covered = (e - s) / random.length;
        add(s, e - s, Math.round((0.6 + 0.3 * covered) * 1000) / 1000);
      }
    });
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}
