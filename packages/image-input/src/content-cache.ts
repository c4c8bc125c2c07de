/**
 * A bounded least-recently-used map of results by content hash, which also shares one computation
 * between concurrent callers of the same key. Failures are not cached.
 */
export interface ContentCache<V> {
  getOrCompute(key: string, compute: () => Promise<V>): Promise<{ value: V; hit: boolean }>;
  readonly size: number;
}

export function createContentCache<V>(capacity: number): ContentCache<V> {
  const done = new Map<string, V>();
  const pending = new Map<string, Promise<V>>();
  const remember = (key: string, value: V): void => {
    done.set(key, value);
    if (done.size > capacity) done.delete(done.keys().next().value as string);
  };
  return {
    async getOrCompute(key, compute) {
      if (done.has(key)) {
        const value = done.get(key) as V;
        done.delete(key);
        done.set(key, value);
        return { value, hit: true };
      }
      const inFlight = pending.get(key);
      if (inFlight) return { value: await inFlight, hit: true };
      const promise = compute();
      pending.set(key, promise);
      try {
        const value = await promise;
        if (capacity > 0) remember(key, value);
        return { value, hit: false };
      } finally {
        pending.delete(key);
      }
    },
    get size() {
      return done.size;
    },
  };
}
