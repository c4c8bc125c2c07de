/**
 * Runs tasks one at a time per key. The enriched and resolved topologies run concurrently in one
 * process; without this, both could read the other side, take versions 1 and 2, and let the older
 * content win by finishing second.
 */
export interface KeyedLock {
  run<R>(key: string, task: () => Promise<R>): Promise<R>;
}

export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<R>(key: string, task: () => Promise<R>): Promise<R> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      // Forget the key once nothing is queued behind this task, so the map does not grow forever.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
