/**
 * Flood control per watch. The first alert after a quiet period goes out at once and opens a window;
 * alerts arriving while it is open are held. When it closes, what it held goes out as one digest and
 * a new window opens (a sustained flood gives one digest per window); a window that closes empty
 * ends the flood. Only delivery is grouped: every alert is still stored and listed on its own.
 */
export type Admission = "send" | "hold";

export class FloodControl {
  readonly #windowMs: number;
  readonly #windows = new Map<string, { closesAt: number; held: number }>();

  constructor(windowMs: number) {
    this.#windowMs = windowMs;
  }

  /** Whether an alert of this watch goes out now or waits for the digest. */
  admit(watchId: string, now: number): Admission {
    if (this.#windowMs <= 0) return "send";
    const window = this.#windows.get(watchId);
    // A window past its end that held nothing is quiet even if its timer has not fired yet.
    if (window === undefined || (window.closesAt <= now && window.held === 0)) {
      this.#windows.set(watchId, { closesAt: now + this.#windowMs, held: 0 });
      return "send";
    }
    window.held += 1;
    return "hold";
  }

  /** When the watch's open window closes, if one is open. */
  closesAt(watchId: string): number | undefined {
    return this.#windows.get(watchId)?.closesAt;
  }

  /** Closes the window; returns how many alerts it held (then a new window is open). */
  close(watchId: string, now: number): number {
    const window = this.#windows.get(watchId);
    if (window === undefined) return 0;
    if (window.held === 0) {
      this.#windows.delete(watchId);
      return 0;
    }
    this.#windows.set(watchId, { closesAt: now + this.#windowMs, held: 0 });
    return window.held;
  }

  /** Watches with an open window. */
  open(): string[] {
    return [...this.#windows.keys()];
  }
}
