import type { SchemaOverride } from './endpoint-model.js';

function keyOf(override: SchemaOverride): string {
  return `${override.target}\u0000${override.status ?? ''}`;
}

// Newest setAt wins; a tie (two instances, same millisecond) is settled by content so that
// every merge order picks the same override.
function isNewer(candidate: SchemaOverride, current: SchemaOverride): boolean {
  if (candidate.setAt !== current.setAt) return candidate.setAt > current.setAt;
  return JSON.stringify(candidate.jsonSchema) > JSON.stringify(current.jsonSchema);
}

/**
 * Union of overrides by (target, status), the newest setAt winning, sorted by target then
 * status (pure: a new list; the overrides themselves are immutable records and are shared).
 */
export function mergeOverrides(
  a: readonly SchemaOverride[],
  b: readonly SchemaOverride[],
): SchemaOverride[] {
  const byKey = new Map<string, SchemaOverride>();
  for (const override of [...a, ...b]) {
    const current = byKey.get(keyOf(override));
    if (current === undefined || isNewer(override, current)) byKey.set(keyOf(override), override);
  }
  return [...byKey.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, o]) => o);
}
