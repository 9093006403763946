/**
 * Per-upstream circuit breaker: after `threshold` consecutive failures within `windowMs`
 * the circuit opens and requests fail fast for `openMs`; then one probe is let through,
 * and its success closes the circuit (its failure re-opens it).
 */
export class CircuitBreaker {
  private failures = 0;
  private firstFailureAt = 0;
  private openUntil = 0;
  private probing = false;

  constructor(
    private readonly threshold = 5,
    private readonly windowMs = 10_000,
    private readonly openMs = 5_000,
  ) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openUntil === 0) return 'closed';
    return Date.now() < this.openUntil ? 'open' : 'half-open';
  }

  /** ms the caller should wait when refused; 0 when the request may go. */
  admit(now = Date.now()): number {
    if (this.openUntil === 0) return 0;
    if (now < this.openUntil) return this.openUntil - now;
    if (this.probing) return 1_000;
    this.probing = true;
    return 0;
  }

  success(): void {
    this.failures = 0;
    this.openUntil = 0;
    this.probing = false;
  }

  failure(now = Date.now()): void {
    if (this.probing || this.openUntil !== 0) {
      this.probing = false;
      this.openUntil = now + this.openMs;
      return;
    }
    if (this.failures === 0 || now - this.firstFailureAt > this.windowMs) {
      this.failures = 0;
      this.firstFailureAt = now;
    }
    if (++this.failures >= this.threshold) this.openUntil = now + this.openMs;
  }
}
