/**
 * Where a position sits in Markdown: inside a fenced code block or an inline code span (text a
 * renderer shows verbatim and never fetches or executes). One linear pass over the text.
 */

const MAX_INLINE_CODE = 4096;

/** Sorted, non-overlapping [start, end) ranges of code (fenced blocks and inline spans). */
export function codeRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let i = 0;
  let lineStart = true;
  let paraEnd = -1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (lineStart) {
      // Fence: optional indentation, then ``` or ~~~ (3+); closes at the next line with the same fence.
      let j = i;
      while (j < text.length && j - i < 4 && text[j] === ' ') j++;
      const fenceChar = text[j];
      if (fenceChar === '`' || fenceChar === '~') {
        let k = j;
        while (text[k] === fenceChar) k++;
        if (k - j >= 3) {
          const fence = fenceChar.repeat(k - j);
          let close = text.indexOf(`\n`, k);
          let end = text.length;
          while (close !== -1) {
            let m = close + 1;
            while (m < text.length && m - close - 1 < 4 && text[m] === ' ') m++;
            if (text.startsWith(fence, m)) {
              const eol = text.indexOf('\n', m);
              end = eol === -1 ? text.length : eol;
              break;
            }
            close = text.indexOf('\n', close + 1);
          }
          ranges.push([i, end]);
          i = end;
          lineStart = false;
          continue;
        }
      }
    }
    if (c === 0x60 /* ` */) {
      let k = i;
      while (text[k] === '`') k++;
      const ticks = text.slice(i, k);
      // An inline span closes on the same backticks within its paragraph; the search is bounded
      // so that many unclosed backticks cannot make the pass quadratic.
      if (paraEnd < k) {
        const p = text.indexOf('\n\n', k);
        paraEnd = p === -1 ? text.length : p;
      }
      const limit = Math.min(paraEnd, k + MAX_INLINE_CODE);
      const close = text.slice(k, limit).indexOf(ticks);
      if (close !== -1) {
        const closeAt = k + close;
        ranges.push([i, closeAt + ticks.length]);
        i = closeAt + ticks.length;
        lineStart = false;
        continue;
      }
      i = k;
      lineStart = false;
      continue;
    }
    lineStart = c === 10;
    i++;
  }
  return ranges;
}

/** Whether `pos` lies in one of the sorted ranges. */
export function inRanges(ranges: ReadonlyArray<readonly [number, number]>, pos: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const [s, e] = ranges[mid]!;
    if (pos < s) hi = mid - 1;
    else if (pos >= e) lo = mid + 1;
    else return true;
  }
  return false;
}
