import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows the burst, then refuses with Retry-After until tokens refill', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ perMinute: 10, burst: 20 }, () => now);
    for (let i = 0; i < 20; i++) expect(limiter.take('1.2.3.4').ok).toBe(true);
    expect(limiter.take('1.2.3.4')).toEqual({ ok: false, retryAfterS: 6 });
    expect(limiter.take('5.6.7.8').ok).toBe(true);
    now += 6000;
    expect(limiter.take('1.2.3.4').ok).toBe(true);
    expect(limiter.take('1.2.3.4').ok).toBe(false);
  });

  it('check() does not spend', () => {
    const limiter = new RateLimiter({ perMinute: 1, burst: 1 }, () => 0);
    expect(limiter.check('a').ok).toBe(true);
    expect(limiter.check('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.check('a').ok).toBe(false);
  });

  it('keeps a bounded number of clients', () => {
    const limiter = new RateLimiter({ perMinute: 1, burst: 2, maxKeys: 3 }, () => 0);
    for (const key of ['a', 'b', 'c', 'd', 'e']) limiter.take(key);
    // 'a' was forgotten, so it starts with a full bucket again; 'e' is still tracked.
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('e').ok).toBe(true);
    expect(limiter.take('e').ok).toBe(false);
  });
});
