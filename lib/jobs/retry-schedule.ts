/**
 * When a failed try of a worker's row is tried again: after each wait in turn, then never (the row
 * has failed for good). The three workers keep their attempts on the row itself (messages,
 * webhook deliveries, Stripe events), so a schedule here and the row's count are all it takes;
 * pg-boss's own retries would retry a whole pass, not the one row that failed.
 */
export class RetrySchedule {
  constructor(
    private readonly waitsMs: readonly number[],
    /** No wait longer than this, whatever the other side asks (Retry-After). */
    private readonly longestMs = Number.POSITIVE_INFINITY,
  ) {}

  /** Tries in all: the first, then one after each wait. */
  get maxAttempts(): number {
    return this.waitsMs.length + 1;
  }

  /** Whether a row tried `attempts` times has had all its tries. */
  exhausted(attempts: number): boolean {
    return attempts >= this.maxAttempts;
  }

  /**
   * When to try again after the `attempts`-th try failed at `now` (at least `atLeastMs` later, as
   * the other side may ask), or null when it was the last.
   */
  next(attempts: number, now: Date, atLeastMs = 0): Date | null {
    if (this.exhausted(attempts)) return null;
    const wait = this.waitsMs[Math.max(attempts, 1) - 1] ?? 0;
    return new Date(now.getTime() + Math.min(this.longestMs, Math.max(wait, atLeastMs)));
  }
}
