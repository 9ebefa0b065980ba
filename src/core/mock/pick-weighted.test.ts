import { faker } from '@faker-js/faker/locale/en';
import { describe, expect, it } from 'vitest';
import { pickWeighted } from './pick-weighted.js';

describe('pickWeighted', () => {
  it('follows the weights and never picks a zero weight', () => {
    faker.seed(5);
    const items = [
      ['a', 1],
      ['b', 0],
      ['c', 3],
    ] as const;
    const picks = Array.from({ length: 8000 }, () => pickWeighted(items, faker));
    expect(picks.includes('b')).toBe(false);
    expect(picks.filter((p) => p === 'c').length / picks.length).toBeCloseTo(0.75, 1);
  });

  it('rejects a list without a positive weight', () => {
    expect(() => pickWeighted([['a', 0]], faker)).toThrow(RangeError);
  });
});
