/** Consecutive backend failures that open the circuit. */
export const BREAKER_THRESHOLD = 5;
/** How long an open circuit answers without trying the backend; then one probe goes through. */
export const BREAKER_COOLDOWN_MS = 2000;

/**
 * Keeps a dead backend from costing a connect attempt (and its timeout) per request: after
 * `threshold` consecutive failures the circuit opens for `cooldownMs`; then one probe per
 * cooldown is let through, and its success closes the circuit again. A probe that never
 * reports back (its client left first) only costs one cooldown: the next one is let through
 * after it, so a backend that comes back is always noticed.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;

  constructor(
    private readonly threshold = BREAKER_THRESHOLD,
    private readonly cooldownMs = BREAKER_COOLDOWN_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a request may try the backend now. */
  allow(): boolean {
    if (this.failures < this.threshold) return true;
    const now = this.now();
    if (now < this.openUntil) return false;
    this.openUntil = now + this.cooldownMs;
    return true;
  }

  success(): void {
    this.failures = 0;
  }

  failure(): void {
    this.failures++;
    if (this.failures >= this.threshold) this.openUntil = this.now() + this.cooldownMs;
  }

  reset(): void {
    this.failures = 0;
    this.openUntil = 0;
  }

  get open(): boolean {
    return this.failures >= this.threshold && this.now() < this.openUntil;
  }
}
