import { z } from 'zod';
import { loadStructuredFile } from '../util/structured-file.js';
import type { Baseline, BaselineEntry, ScanResult } from './types.js';

const baselineSchema = z.object({
  version: z.literal(1),
  failures: z.array(
    z.object({ ruleId: z.string().min(1), address: z.string().min(1), file: z.string().optional() }).strict(),
  ),
});

/** The current failures (and ones an earlier baseline accepted; not ones suppressed in source), keyed by rule id, resource address and file, sorted so the file diffs well. */
export function createBaseline(results: readonly ScanResult[]): Baseline {
  const failures: BaselineEntry[] = results
    .filter(
      (r) => r.status === 'fail' || (r.originalStatus === 'fail' && r.suppression?.origin === 'baseline'),
    )
    .map((r) => ({ ruleId: r.ruleId, address: r.resource.address, file: r.resource.file }));
  const key = (e: BaselineEntry): string => `${e.file ?? ''}\u0000${e.ruleId}\u0000${e.address}`;
  const unique = [...new Map(failures.map((e) => [key(e), e])).values()].sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0,
  );
  return { version: 1, failures: unique };
}

export function readBaseline(file: string): Baseline {
  return loadStructuredFile(file, baselineSchema);
}

/** Matcher for baseline entries; an entry without a file matches the address in any file. */
export function baselineMatcher(
  baseline: Baseline,
): (ruleId: string, address: string, file: string) => boolean {
  const exact = new Set<string>();
  const anyFile = new Set<string>();
  for (const e of baseline.failures) {
    if (e.file === undefined) anyFile.add(`${e.ruleId}\u0000${e.address}`);
    else exact.add(`${e.file}\u0000${e.ruleId}\u0000${e.address}`);
  }
  return (ruleId, address, file) =>
    exact.has(`${file}\u0000${ruleId}\u0000${address}`) || anyFile.has(`${ruleId}\u0000${address}`);
}
