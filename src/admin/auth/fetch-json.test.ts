import { describe, expect, it } from 'vitest';
import { parseMaxAge } from './fetch-json.js';

describe('parseMaxAge', () => {
  it.each([
    ['public, max-age=19766, must-revalidate, no-transform', 19766],
    ['max-age="60"', 60],
    ['MAX-AGE=5', 5],
    ['no-store', 0],
    ['private, no-cache', 0],
    ['s-maxage=100', undefined],
    ['public', undefined],
    [null, undefined],
  ])('%j → %j', (header, expected) => {
    expect(parseMaxAge(header)).toBe(expected);
  });
});
