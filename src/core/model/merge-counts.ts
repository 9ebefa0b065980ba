import { readOwn } from './read-own.js';
import { unionKeys } from './union-keys.js';

/** Sums two count maps into a new null-prototype map with sorted keys. */
export function mergeCounts(
  a: Record<string, number>,
  b: Record<string, number>,
): Record<string, number> {
  const merged = Object.create(null) as Record<string, number>;
  for (const key of unionKeys(a, b)) merged[key] = (readOwn(a, key) ?? 0) + (readOwn(b, key) ?? 0);
  return merged;
}
