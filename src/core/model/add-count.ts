/**
 * Adds to one counter of a count map. Maps read back from storage have an ordinary
 * prototype, so the read is own-only and the write is a define: a learned key such as
 * `__proto__` or `constructor` stays plain data.
 */
export function addCount(map: Record<string, number>, key: string, amount = 1): void {
  const current = Object.hasOwn(map, key) ? (map[key] ?? 0) : 0;
  Object.defineProperty(map, key, {
    value: current + amount,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
