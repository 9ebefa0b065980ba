import { hashString } from '../random.js';
import type { DriftChange } from './drift-change.js';

// Two FNV-1a passes with different seeds give 64 bits: collisions between the few change
// sets one endpoint ever shows are negligible, and the key stays short for an index.
const SECOND_SEED = 0x9e3779b9;

/**
 * Stable identity of "the same set of changes": the sorted, de-duplicated severity, kind
 * and path of each change, hashed to 16 hex digits. Independent of order, expected/actual
 * values and rename links, so the same drift seen again updates one alert.
 */
export function driftFingerprint(changes: readonly DriftChange[]): string {
  // JSON-encoded tuples: no path, however odd, can imitate a separator.
  const keys = [
    ...new Set(changes.map((c) => JSON.stringify([c.severity, c.kind, c.path]))),
  ].sort();
  const canonical = keys.join('\n');
  const hex = (value: number): string => value.toString(16).padStart(8, '0');
  return hex(hashString(canonical)) + hex(hashString(canonical, SECOND_SEED));
}
