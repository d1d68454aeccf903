import { dataChecks } from './data.js';
import { modelChecks } from './models.js';
import { systemChecks } from './system.js';
import type { GovernanceCheck } from './types.js';

export type { GovernanceCheck } from './types.js';
export { durationDays, ageDays } from './types.js';

export const governanceChecks: readonly GovernanceCheck[] = [...systemChecks, ...modelChecks, ...dataChecks];

/** Control id -> its governance checks. */
export function governanceChecksByControl(): Map<string, GovernanceCheck[]> {
  const map = new Map<string, GovernanceCheck[]>();
  for (const check of governanceChecks) map.set(check.control, [...(map.get(check.control) ?? []), check]);
  return map;
}
