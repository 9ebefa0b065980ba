/**
 * A map entry only if the map owns it: maps parsed from storage have an ordinary prototype,
 * where a missing `constructor` key would otherwise read Object.prototype.constructor.
 */
export function readOwn<T>(map: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
