import { describe, expect, it } from 'vitest';
import { SingleUseBook } from './single-use-book.js';

describe('SingleUseBook', () => {
  it('redeems a key once, before it expires', () => {
    let now = 0;
    const book = new SingleUseBook<string>(30_000, () => now);
    const first = book.issue('a');
    const second = book.issue('b');
    expect(first.expiresAt).toBe(30_000);
    expect(book.redeem(first.key)).toBe('a');
    expect(book.redeem(first.key)).toBeUndefined();
    now = 30_000;
    expect(book.redeem(second.key)).toBeUndefined();
    expect(book.redeem('never-issued')).toBeUndefined();
  });

  it('is bounded: the oldest key goes first', () => {
    const book = new SingleUseBook<number>(1000, () => 0, 2);
    const keys = [1, 2, 3].map((n) => book.issue(n).key);
    expect(book.redeem(keys[0]!)).toBeUndefined();
    expect(book.redeem(keys[2]!)).toBe(3);
  });
});
