import type { ProducerRecord } from "./types.js";

type Transport = (records: readonly ProducerRecord[]) => Promise<void>;

interface Queued {
  readonly records: readonly ProducerRecord[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * One produce request at a time, in call order (kafkajs does not keep concurrent sends ordered),
 * and whatever queued up while a request was in flight goes out together in the next one. So a
 * stage pays one round trip per burst, not one per chunk, and per-key order holds.
 */
export class CoalescingSender {
  private readonly queue: Queued[] = [];
  private busy = false;

  constructor(
    private readonly transport: Transport,
    private readonly maxRecords = 5_000,
  ) {}

  send(records: readonly ProducerRecord[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ records, resolve, reject });
      void this.pump();
    });
  }

  private take(): Queued[] {
    const taken: Queued[] = [];
    let count = 0;
    for (let next = this.queue[0]; next; next = this.queue[0]) {
      if (taken.length > 0 && count + next.records.length > this.maxRecords) break;
      taken.push(next);
      count += next.records.length;
      this.queue.shift();
    }
    return taken;
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let taken = this.take(); taken.length > 0; taken = this.take()) {
        try {
          await this.transport(taken.flatMap((queued) => queued.records));
          for (const queued of taken) queued.resolve();
        } catch (thrown) {
          // Later queued sends still go: the runtime replays from the last committed offset anyway.
          for (const queued of taken) queued.reject(thrown);
        }
      }
    } finally {
      this.busy = false;
    }
  }
}
