/**
 * Keeps a dead backend from costing a connect attempt (and its timeout) per request: after
 * `threshold` consecutive failures the circuit opens for `cooldownMs`; then one probe is let
 * through, and its success closes the circuit again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private probing = false;

  constructor(
    private readonly threshold = 5,
    private readonly cooldownMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a request may try the backend now. */
  allow(): boolean {
    if (this.failures < this.threshold) return true;
    if (this.now() < this.openUntil || this.probing) return false;
    this.probing = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.probing = false;
  }

  failure(): void {
    this.failures++;
    this.probing = false;
    if (this.failures >= this.threshold) this.openUntil = this.now() + this.cooldownMs;
  }

  reset(): void {
    this.failures = 0;
    this.openUntil = 0;
    this.probing = false;
  }

  get open(): boolean {
    return this.failures >= this.threshold && this.now() < this.openUntil;
  }
}
