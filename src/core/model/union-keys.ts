/** Sorted union of two maps' own keys: merged maps come out in one order whatever the inputs. */
export function unionKeys(a: object, b: object): string[] {
  const keys = Object.keys(a);
  for (const key of Object.keys(b)) if (!Object.hasOwn(a, key)) keys.push(key);
  return keys.sort();
}
