/**
 * Adds to one counter of a count map. Maps read back from storage have an ordinary
 * prototype, so a learned key such as `__proto__` must stay plain data: it is read own-only
 * and created with a define. Every other key is a plain assignment (a define per call made
 * this the learner's hottest line).
 */
export function addCount(map: Record<string, number>, key: string, amount = 1): void {
  if (Object.hasOwn(map, key)) map[key] = (map[key] ?? 0) + amount;
  else if (key === '__proto__')
    Object.defineProperty(map, key, {
      value: amount,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  else map[key] = amount;
}
