import { describe, expect, it } from 'vitest';
import { addCount } from './add-count.js';

describe('addCount', () => {
  it('counts ordinary keys', () => {
    const map: Record<string, number> = {};
    addCount(map, '200');
    addCount(map, '200', 2);
    addCount(map, 'application/json');
    expect(map).toEqual({ '200': 3, 'application/json': 1 });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'keeps %s plain data on a map with an ordinary prototype',
    (key) => {
      const map = JSON.parse('{}') as Record<string, number>;
      addCount(map, key);
      addCount(map, key, 4);
      expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(map, key)?.value).toBe(5);
      expect(Object.keys(map)).toEqual([key]);
      expect(JSON.parse(JSON.stringify(map))).toHaveProperty([key], 5);
    },
  );
});
