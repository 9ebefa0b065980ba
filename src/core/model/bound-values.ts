/**
 * Keeps the `limit` lexically smallest values of a value → count map (new null-prototype
 * map, sorted keys). Lexical order, not frequency, decides so that bounding commutes with
 * merging: the kept set is always the smallest values ever seen, each value ever kept was
 * never dropped, and its count is therefore exact whatever the merge order.
 */
export function boundValues(values: Record<string, number>, limit: number): Record<string, number> {
  const bounded = Object.create(null) as Record<string, number>;
  for (const value of Object.keys(values).sort().slice(0, limit))
    bounded[value] = values[value] ?? 0;
  return bounded;
}
