export interface RetryPolicy {
  /** Attempts after the first before a document is dropped (or a request failure is thrown). */
  readonly maxRetries: number;
  readonly baseMs: number;
  readonly maxMs: number;
}

/** Exponential backoff with "equal jitter" derived from the round, so runs stay reproducible. */
export function backoffMs(policy: RetryPolicy, round: number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (round - 1));
  // Deterministic spread in [ceiling/2, ceiling]: avoids lockstep between indexers without Math.random.
  const spread = ((round * 2654435761) % 1000) / 1000;
  return Math.round(ceiling / 2 + (ceiling / 2) * spread);
}

const MIN_BATCH_BYTES = 64 * 1024;

/**
 * The bulk byte budget: starts at the configured maximum (chosen by measurement), halves when the
 * cluster pushes back (429) and grows back by a quarter per clean batch.
 */
export class BatchSizer {
  #current: number;
  readonly #max: number;

  constructor(maxBytes: number) {
    this.#max = Math.max(MIN_BATCH_BYTES, maxBytes);
    this.#current = this.#max;
  }

  get current(): number {
    return this.#current;
  }

  backpressure(): void {
    this.#current = Math.max(MIN_BATCH_BYTES, Math.floor(this.#current / 2));
  }

  success(): void {
    this.#current = Math.min(this.#max, Math.ceil(this.#current * 1.25));
  }
}
