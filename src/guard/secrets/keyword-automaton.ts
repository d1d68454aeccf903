/**
 * Aho-Corasick over ASCII-lowercased text: one pass finds every occurrence of every keyword,
 * so rules whose keywords do not occur never run their regex (gitleaks' keyword prefilter).
 */

const ALPHABET = 128;

export interface KeywordHit {
  /** Index into the keyword list given to the builder. */
  keyword: number;
  start: number;
  end: number;
}

export interface KeywordAutomaton {
  readonly keywords: readonly string[];
  /** Calls `onHit(keywordIndex, start, end)` for every occurrence, in order of `end`. */
  scan(text: string, onHit: (keyword: number, start: number, end: number) => void): void;
}

/** ASCII case folding; other code units become 0, which no keyword contains. */
function symbol(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  return code < ALPHABET ? code : 0;
}

export function buildKeywordAutomaton(keywords: readonly string[]): KeywordAutomaton {
  // Trie with dense transitions, then failure links folded into the transition table (a DFA).
  const next: number[][] = [new Array<number>(ALPHABET).fill(-1)];
  const outputs: number[][] = [[]];
  keywords.forEach((kw, index) => {
    let state = 0;
    for (const ch of kw.toLowerCase()) {
      const c = symbol(ch.charCodeAt(0));
      if (c === 0) throw new Error(`keyword ${JSON.stringify(kw)} must be printable ASCII`);
      const row = next[state]!;
      let to = row[c]!;
      if (to === -1) {
        to = next.length;
        row[c] = to;
        next.push(new Array<number>(ALPHABET).fill(-1));
        outputs.push([]);
      }
      state = to;
    }
    outputs[state]!.push(index);
  });

  const fail = new Array<number>(next.length).fill(0);
  const queue: number[] = [];
  const root = next[0]!;
  for (let c = 0; c < ALPHABET; c++) {
    const to = root[c]!;
    if (to === -1) root[c] = 0;
    else {
      fail[to] = 0;
      queue.push(to);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const row = next[state]!;
    outputs[state]!.push(...outputs[fail[state]!]!);
    for (let c = 0; c < ALPHABET; c++) {
      const to = row[c]!;
      const viaFail = next[fail[state]!]![c]!;
      if (to === -1) row[c] = viaFail;
      else {
        fail[to] = viaFail;
        queue.push(to);
      }
    }
  }

  const table = new Int32Array(next.length * ALPHABET);
  next.forEach((row, s) => table.set(row, s * ALPHABET));
  const outStart = new Int32Array(next.length + 1);
  const flatOut: number[] = [];
  outputs.forEach((out, s) => {
    outStart[s] = flatOut.length;
    flatOut.push(...out);
  });
  outStart[next.length] = flatOut.length;
  const out = Int32Array.from(flatOut);
  const lengths = Int32Array.from(keywords.map((k) => k.length));

  return {
    keywords,
    scan(text, onHit) {
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        state = table[state * ALPHABET + symbol(text.charCodeAt(i))]!;
        const from = outStart[state]!;
        const to = outStart[state + 1]!;
        for (let k = from; k < to; k++) {
          const kw = out[k]!;
          onHit(kw, i + 1 - lengths[kw]!, i + 1);
        }
      }
    },
  };
}
