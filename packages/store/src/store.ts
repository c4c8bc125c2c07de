import { NexusError } from "@nexus/errors";
import { ClassicLevel } from "classic-level";

export type StoreOp = { type: "put"; key: string; value: unknown } | { type: "del"; key: string };

export interface ScanOptions {
  /** Only keys strictly after this one (used to resume from a cursor). */
  readonly after?: string;
  readonly limit?: number;
}

/** A durable, ordered key-value store of JSON values; writes in one batch are atomic. */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]>;
  /** Atomic. `sync` waits for the OS to flush, for writes that acknowledge acceptance. */
  write(ops: readonly StoreOp[], options?: { sync?: boolean }): Promise<void>;
  /** Keys starting with `prefix`, in key order. */
  scan<T>(prefix: string, options?: ScanOptions): AsyncIterable<[string, T]>;
  count(prefix: string): Promise<number>;
  close(): Promise<void>;
}

function isLocked(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  return cause?.code === "LEVEL_LOCKED";
}

/** Opens (creating if needed) the store in `directory`. Only one process may hold it open. */
export async function openStore(directory: string): Promise<Store> {
  const db = new ClassicLevel<string, unknown>(directory, { valueEncoding: "json" });
  try {
    await db.open();
  } catch (error) {
    if (isLocked(error)) {
      throw new NexusError("NEXUS_STORE_LOCKED", `the data directory ${directory} is in use by another Nexus process`, {
        cause: error,
        details: { directory },
      });
    }
    throw new NexusError("NEXUS_STORE_IO", `cannot open the data directory ${directory}`, { cause: error });
  }
  return createStore(db);
}

function createStore(db: ClassicLevel<string, unknown>): Store {
  return {
    async get<T>(key: string) {
      return (await db.get(key)) as T | undefined;
    },
    async getMany<T>(keys: readonly string[]) {
      return (await db.getMany([...keys])) as (T | undefined)[];
    },
    async write(ops, options = {}) {
      if (ops.length === 0) return;
      await db.batch([...ops], { sync: options.sync ?? false });
    },
    async *scan<T>(prefix: string, options: ScanOptions = {}) {
      const range = {
        ...(options.after === undefined ? { gte: prefix } : { gt: options.after }),
        lt: `${prefix}\uffff`,
        ...(options.limit === undefined ? {} : { limit: options.limit }),
      };
      for await (const [key, value] of db.iterator(range)) yield [key, value as T] as [string, T];
    },
    async count(prefix: string) {
      let total = 0;
      for await (const _key of db.keys({ gte: prefix, lt: `${prefix}\uffff` })) total += 1;
      return total;
    },
    async close() {
      await db.close();
    },
  };
}
