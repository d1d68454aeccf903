import type { AssessContext } from '../context.js';
import type { Evidence } from '../types.js';

/** A governance check: evidence for one catalog control from the manifest, model cards and dataset records. */
export interface GovernanceCheck {
  control: string;
  /** What the check looks at, for the README and reports. */
  checks: string;
  evaluate(ctx: AssessContext): Evidence[];
}

export const pass = (message: string, extra: Partial<Evidence> = {}): Evidence => ({
  kind: 'governance',
  status: 'pass',
  message,
  ...extra,
});
export const fail = (message: string, extra: Partial<Evidence> = {}): Evidence => ({
  kind: 'governance',
  status: 'fail',
  message,
  ...extra,
});
export const unknown = (message: string, extra: Partial<Evidence> = {}): Evidence => ({
  kind: 'governance',
  status: 'unknown',
  message,
  ...extra,
});

/** Evidence located at a manifest field. */
export function at(ctx: AssessContext, path: readonly PropertyKey[]): Partial<Evidence> {
  const line = ctx.loaded.lineOf(path);
  const field = path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
    .join('')
    .replace(/^\./, '');
  return { file: ctx.loaded.file, ...(line ? { line } : {}), field: field || '(root)' };
}

/** One piece of evidence per item: pass when the predicate holds, fail with the item's problem otherwise. */
export function perItem<T>(
  ctx: AssessContext,
  items: ReadonlyArray<{ item: T; path: PropertyKey[]; name: string }>,
  problem: (item: T) => string | undefined,
  ok: string,
  none: string,
): Evidence[] {
  if (items.length === 0) return [unknown(none)];
  return items.map(({ item, path, name }) => {
    const p = problem(item);
    return p ? fail(`${name}: ${p}`, at(ctx, path)) : pass(`${name}: ${ok}`, at(ctx, path));
  });
}

const DAYS = { d: 1, w: 7, m: 30, y: 365 } as const;

/** Days in a manifest duration such as 30d, 12w, 6m or 1y. */
export function durationDays(duration: string): number {
  const match = /^(\d+)\s*([dwmy])$/.exec(duration.trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * DAYS[match[2] as keyof typeof DAYS];
}

/** Whole days from an ISO date to now (negative when in the future). */
export function ageDays(isoDate: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(isoDate)) / 86_400_000);
}
