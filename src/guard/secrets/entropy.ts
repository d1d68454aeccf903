/**
 * Shannon entropy in bits per byte as gitleaks computes it: symbol counts over code points,
 * probabilities over the UTF-8 byte length (identical to per-character entropy for ASCII).
 */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<number, number>();
  let bytes = 0;
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    counts.set(cp, (counts.get(cp) ?? 0) + 1);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  let entropy = 0;
  for (const n of counts.values()) {
    const p = n / bytes;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
