export interface RateLimitOptions {
  /** Tokens added per minute. */
  perMinute: number;
  /** Bucket size: how many may be spent at once. */
  burst: number;
  /** Clients tracked at most; full buckets are forgotten first. */
  maxKeys?: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterS: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** A token bucket per client key (IP address) for login attempts and failed credential checks. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = options.perMinute / 60_000;
  }

  /** Whether `key` may make an attempt now, without spending anything. */
  check(key: string): RateDecision {
    const bucket = this.refill(key);
    return bucket.tokens >= 1
      ? { ok: true }
      : { ok: false, retryAfterS: Math.ceil((1 - bucket.tokens) / this.perMs / 1000) };
  }

  /** Spends one token for `key`; refused when none is left. */
  take(key: string): RateDecision {
    const decision = this.check(key);
    if (decision.ok) this.refill(key).tokens -= 1;
    return decision;
  }

  private refill(key: string): Bucket {
    const at = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= (this.options.maxKeys ?? 10_000)) this.forget(at);
      bucket = { tokens: this.options.burst, at };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + (at - bucket.at) * this.perMs);
    bucket.at = at;
    return bucket;
  }

  private forget(at: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (at - bucket.at) * this.perMs >= this.options.burst)
        this.buckets.delete(key);
    }
    const oldest = this.buckets.keys().next();
    if (this.buckets.size >= (this.options.maxKeys ?? 10_000) && !oldest.done)
      this.buckets.delete(oldest.value);
  }
}
