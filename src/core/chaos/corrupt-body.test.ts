import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { corruptBody, CORRUPT_MARKER } from './corrupt-body.js';

describe('corruptBody', () => {
  it('wraps the marker in 5 to 20 xXx on each side, reproducibly', () => {
    const rng = createRng(3);
    const bodies = Array.from({ length: 500 }, () => corruptBody(rng));
    expect(bodies.every((b) => /^(xXx){5,20}CORRUPTED_STREAM(xXx){5,20}$/.test(b))).toBe(true);
    expect(bodies.every((b) => b.includes(CORRUPT_MARKER))).toBe(true);
    expect(new Set(bodies.map((b) => b.length)).size).toBeGreaterThan(10);
    const again = createRng(3);
    expect(Array.from({ length: 500 }, () => corruptBody(again))).toEqual(bodies);
  });
});
