import { randomBytes } from 'node:crypto';

/**
 * Short-lived, single-use random keys with a value attached: live WebSocket tickets (a
 * browser cannot set Authorization on a WebSocket, and a long-lived token must never sit in
 * a URL) and OIDC sign-ins in progress (state → nonce). Bounded: the oldest goes first.
 */
export class SingleUseBook<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly max = 10_000,
  ) {}

  issue(value: T): { key: string; expiresAt: number } {
    this.prune();
    const key = randomBytes(24).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.entries.set(key, { value, expiresAt });
    return { key, expiresAt };
  }

  /** Consumes a key: its value, or undefined when unknown, already used or expired. */
  redeem(key: string): T | undefined {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    return entry && entry.expiresAt > this.now() ? entry.value : undefined;
  }

  private prune(): void {
    const at = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= at) this.entries.delete(key);
    while (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}
