import { describe, expect, it } from 'vitest';
import { MAX_PATH_LENGTH, MAX_SEGMENTS } from './path-limits.js';
import { splitPath } from './split-path.js';

describe('splitPath', () => {
  it.each([
    ['/', []],
    ['', []],
    ['/users', ['users']],
    ['/users/', ['users']],
    ['//users//42/', ['users', '42']],
    ['users/42', ['users', '42']],
    ['/users?x=1/2', ['users']],
    ['/a%2Fb/C%20d', ['a%2Fb', 'C%20d']],
    ['/Users/Alice', ['Users', 'Alice']],
    ['/./..', ['.', '..']],
  ])('%s → %j', (path, segments) => {
    expect(splitPath(path)).toEqual(segments);
  });

  it('accepts a path at the length cap and refuses one over it', () => {
    const atCap = `/${'a'.repeat(MAX_PATH_LENGTH - 1)}`;
    expect(splitPath(atCap)).toHaveLength(1);
    expect(splitPath(`${atCap}b`)).toBeUndefined();
  });

  it('refuses more than MAX_SEGMENTS segments', () => {
    expect(splitPath('/a'.repeat(MAX_SEGMENTS))).toHaveLength(MAX_SEGMENTS);
    expect(splitPath('/a'.repeat(MAX_SEGMENTS + 1))).toBeUndefined();
  });

  it('refuses an over-long path before reading any of it', () => {
    const scanned = (): never => {
      throw new Error('scanned');
    };
    const huge = {
      length: 64 * 1024,
      indexOf: scanned,
      charCodeAt: scanned,
      slice: scanned,
    } as unknown as string;
    expect(splitPath(huge)).toBeUndefined();
  });
});
