import type { DriftChange, DriftSeverity } from './drift-change.js';

/** How many changes have each severity (every severity present, zero when none). */
export function countSeverities(changes: readonly DriftChange[]): Record<DriftSeverity, number> {
  const counts: Record<DriftSeverity, number> = { BREAKING: 0, WARNING: 0, INFO: 0 };
  for (const change of changes) counts[change.severity]++;
  return counts;
}
