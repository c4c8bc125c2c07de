/**
 * Counts messages handled but not yet acknowledged. At `limit` it pauses the consumer and makes
 * the caller wait; it resumes once half the room is free again (hysteresis, so it does not flap).
 */
export class InFlightGate {
  private inFlight = 0;
  private paused = false;
  private waiters: (() => void)[] = [];

  constructor(
    readonly limit: number,
    private readonly hooks: { pause(): void; resume(): void; changed?(inFlight: number): void },
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`in-flight limit must be a positive integer, got ${limit}`);
  }

  get count(): number {
    return this.inFlight;
  }

  get full(): boolean {
    return this.inFlight >= this.limit;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  add(count = 1): void {
    this.inFlight += count;
    this.hooks.changed?.(this.inFlight);
  }

  release(count = 1): void {
    this.inFlight = Math.max(0, this.inFlight - count);
    this.hooks.changed?.(this.inFlight);
    if (this.paused && this.inFlight <= Math.floor(this.limit / 2)) {
      this.paused = false;
      this.hooks.resume();
      for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** Resolves at once when there is room; otherwise pauses and resolves when enough was released. */
  async waitForRoom(): Promise<void> {
    if (!this.full) return;
    if (!this.paused) {
      this.paused = true;
      this.hooks.pause();
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}
