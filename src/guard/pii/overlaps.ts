/** Overlap resolution shared by detection and anonymization: O(n log n) in the number of spans. */

export interface ScoredSpan {
  start: number;
  end: number;
  score?: number;
}

/** Highest score first, then the longest span; a span overlapping an accepted one is dropped. Result in text order. */
export function resolveOverlaps<T extends ScoredSpan>(spans: readonly T[]): T[] {
  const ranked = spans
    .filter((s) => s.end > s.start)
    .sort(
      (a, b) => (b.score ?? 1) - (a.score ?? 1) || b.end - b.start - (a.end - a.start) || a.start - b.start,
    );
  // Accepted spans never overlap, so sorted by start they are also sorted by end.
  const accepted: T[] = [];
  for (const span of ranked) {
    let lo = 0;
    let hi = accepted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((accepted[mid] as T).start < span.start) lo = mid + 1;
      else hi = mid;
    }
    const before = accepted[lo - 1];
    const after = accepted[lo];
    if (before && before.end > span.start) continue;
    if (after && after.start < span.end) continue;
    accepted.splice(lo, 0, span);
  }
  return accepted;
}
