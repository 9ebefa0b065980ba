import { countSeverities } from './count-severities.js';
import type { DriftChange } from './drift-change.js';

/**
 * Drift score 0–100 from B breaking, W warning and I info changes:
 * - with B ≥ 1: min(100, 50 + 10·(B−1) + 5·W + I), so any breaking change scores ≥ 50;
 * - with B = 0: min(49, 10·W + min(10, 2·I)), so warnings stay below any breaking change
 *   and new fields alone never exceed 10;
 * - no changes: 0.
 */
export function scoreDrift(changes: readonly DriftChange[]): number {
  const { BREAKING: b, WARNING: w, INFO: i } = countSeverities(changes);
  if (b > 0) return Math.min(100, 50 + 10 * (b - 1) + 5 * w + i);
  return Math.min(49, 10 * w + Math.min(10, 2 * i));
}
