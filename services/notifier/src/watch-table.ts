import { checkMessage, TOPICS, type Watch } from "@nexus/schemas";

export interface WatchTable {
  /** A record of nexus.watches.v1 (null = tombstone, the watch was removed). */
  apply(key: string, value: unknown | null): void;
  get(id: string): Watch | undefined;
  readonly size: number;
}

/** The watch list as the notifier knows it, fed by a table follower. Invalid records are skipped. */
export function createWatchTable(onInvalid: (key: string, reason: string) => void): WatchTable {
  const watches = new Map<string, Watch>();
  return {
    apply(key, value) {
      if (value === null) {
        watches.delete(key);
        return;
      }
      const checked = checkMessage(TOPICS.watches, value);
      if (checked.ok) watches.set(key, checked.value);
      else onInvalid(key, checked.error.message);
    },
    get: (id) => watches.get(id),
    get size() {
      return watches.size;
    },
  };
}
