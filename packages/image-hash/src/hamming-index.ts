import { distanceWords, HASH_WORDS, type HashWords, parseHashHex, popcount32 } from "./hamming.js";

/** One stored value whose hash lies within the queried distance. */
export interface HammingMatch<T> {
  value: T;
  distance: number;
}

/** "Which stored hashes are within distance d of this one", exact: no misses at or below d. */
export interface HammingIndex<T> {
  add(hashHex: string, value: T): void;
  /** Every stored value within `maxDistance` (inclusive), nearest first (ties in insertion order). */
  query(hashHex: string, maxDistance: number): HammingMatch<T>[];
  readonly size: number;
}

export interface HammingIndexOptions {
  /** Largest distance `query` accepts (default 64). Larger queries throw RangeError. */
  maxDistance?: number;
}

// Multi-index hashing (Norouzi, Punjani & Fleet 2012): split the 256 bits into 16 chunks of 16 bits.
// If two hashes differ in at most r bits, then by pigeonhole some chunk differs in at most
// floor(r/16) bits; probing each chunk's table within that radius finds a superset of the answer,
// which is then verified on the full hash. Exact by construction.
const CHUNKS = 16;
const CHUNK_BITS = 16;
const BUCKETS = 1 << CHUNK_BITS;
const INITIAL_CAPACITY = 1024;

/** Creates an exact, sub-linear Hamming index over 256-bit PDQ hashes (multi-index hashing). */
export function createHammingIndex<T>(options: HammingIndexOptions = {}): HammingIndex<T> {
  const limit = options.maxDistance ?? 64;
  if (!Number.isInteger(limit) || limit < 0 || limit > 256) throw new RangeError(`maxDistance ${limit} not in 0..256`);
  const store = createChunkStore();
  const values: T[] = [];
  return {
    add(hashHex, value) {
      store.add(parseHashHex(hashHex));
      values.push(value);
    },
    query(hashHex, maxDistance) {
      if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > limit) {
        throw new RangeError(`maxDistance ${maxDistance} not in 0..${limit}`);
      }
      const hits = store.search(parseHashHex(hashHex), maxDistance);
      return hits.map((hit) => ({ value: values[hit.id] as T, distance: hit.distance }));
    },
    get size() {
      return values.length;
    },
  };
}

interface Hit {
  id: number;
  distance: number;
}

/** Per-chunk tables in compressed-sparse-row form: ids of bucket k are ids[offsets[k]..offsets[k+1]). */
interface Tables {
  offsets: Int32Array[];
  ids: Int32Array[];
  count: number;
}

/**
 * Stored hashes plus the chunk tables. Adds append to a tail that queries scan directly; the tables
 * are rebuilt (a counting sort per chunk, O(16 n)) at the next query once the tail passes
 * TAIL_LIMIT, so lookups read each bucket contiguously and never scan more than TAIL_LIMIT linearly.
 */
function createChunkStore() {
  let hashes = new Uint32Array(INITIAL_CAPACITY * HASH_WORDS);
  let capacity = INITIAL_CAPACITY;
  let count = 0;
  let tables: Tables = { offsets: [], ids: [], count: 0 };

  function add(words: HashWords): void {
    if (count === capacity) {
      capacity *= 2;
      hashes = copyInto(new Uint32Array(capacity * HASH_WORDS), hashes);
    }
    hashes.set(words, count * HASH_WORDS);
    count++;
  }

  function check(query: HashWords, id: number, maxDistance: number, hits: Hit[]): void {
    const distance = distanceWords(query, hashes, id * HASH_WORDS);
    if (distance <= maxDistance) hits.push({ id, distance });
  }

  function search(query: HashWords, maxDistance: number): Hit[] {
    // A constant tail keeps a query's linear part flat as the corpus grows; rebuilding costs O(16 n)
    // per TAIL_LIMIT adds (a few µs per add at 1M), and only when a query comes.
    if (count - tables.count > TAIL_LIMIT) tables = buildTables(hashes, count);
    const hits: Hit[] = [];
    const base = Math.floor(maxDistance / CHUNKS);
    // Refined pigeonhole: the first (r mod m) + 1 chunks need radius floor(r/m), the rest one less.
    const wide = (maxDistance % CHUNKS) + 1;
    for (let c = 0; c < CHUNKS && tables.count > 0; c++) {
      const radius = c < wide ? base : base - 1;
      if (radius < 0) continue;
      const offsets = tables.offsets[c] as Int32Array;
      const ids = tables.ids[c] as Int32Array;
      const centre = chunkOf(query, c);
      const masks = masksWithin(Math.min(radius, CHUNK_BITS));
      for (let m = 0; m < masks.length; m++) {
        const key = centre ^ (masks[m] as number);
        for (let p = offsets[key] as number, end = offsets[key + 1] as number; p < end; p++) {
          const id = ids[p] as number;
          // No visited set: a far candidate met twice is just rejected twice (cheaper than a random
          // write per candidate); true hits met in several tables are de-duplicated below.
          if (withinDistance(query, hashes, id * HASH_WORDS, maxDistance)) check(query, id, maxDistance, hits);
        }
      }
    }
    for (let id = tables.count; id < count; id++) check(query, id, maxDistance, hits);
    hits.sort((a, b) => a.distance - b.distance || a.id - b.id);
    return hits.filter((hit, i) => i === 0 || hit.id !== (hits[i - 1] as Hit).id);
  }

  return { add, search };
}

const TAIL_LIMIT = 4096;

function buildTables(hashes: Uint32Array, count: number): Tables {
  const offsets: Int32Array[] = [];
  const ids: Int32Array[] = [];
  const keys = new Uint16Array(count);
  for (let c = 0; c < CHUNKS; c++) {
    const offset = new Int32Array(BUCKETS + 1);
    const word = c >> 1;
    const high = (c & 1) === 0;
    for (let id = 0; id < count; id++) {
      const w = hashes[id * HASH_WORDS + word] as number;
      const key = high ? w >>> 16 : w & 0xffff;
      keys[id] = key;
      offset[key + 1] = (offset[key + 1] as number) + 1;
    }
    for (let k = 0; k < BUCKETS; k++) offset[k + 1] = (offset[k + 1] as number) + (offset[k] as number);
    const cursor = offset.slice(0, BUCKETS);
    const table = new Int32Array(count);
    for (let id = 0; id < count; id++) {
      const key = keys[id] as number;
      table[cursor[key] as number] = id;
      cursor[key] = (cursor[key] as number) + 1;
    }
    offsets.push(offset);
    ids.push(table);
  }
  return { offsets, ids, count };
}

function chunkOf(words: HashWords, chunk: number): number {
  const word = words[chunk >> 1] as number;
  return chunk & 1 ? word & 0xffff : word >>> 16;
}

function copyInto<A extends Int32Array | Uint32Array>(target: A, source: A): A {
  target.set(source);
  return target;
}

/** Early-exit test: most candidates exceed the radius within the first few words. */
function withinDistance(query: HashWords, hashes: Uint32Array, offset: number, maxDistance: number): boolean {
  let d = 0;
  for (let i = 0; i < HASH_WORDS; i++) {
    d += popcount32(((query[i] as number) ^ (hashes[offset + i] as number)) >>> 0);
    if (d > maxDistance) return false;
  }
  return true;
}

// XOR masks of every 16-bit pattern with at most r bits set, by r (computed once, lazily).
const masksByRadius: Int32Array[] = [];

function masksWithin(radius: number): Int32Array {
  const cached = masksByRadius[radius];
  if (cached) return cached;
  const masks: number[] = [];
  for (let m = 0; m < BUCKETS; m++) if (popcount16(m) <= radius) masks.push(m);
  masks.sort((a, b) => popcount16(a) - popcount16(b) || a - b);
  const result = Int32Array.from(masks);
  masksByRadius[radius] = result;
  return result;
}

function popcount16(value: number): number {
  let v = value - ((value >>> 1) & 0x5555);
  v = (v & 0x3333) + ((v >>> 2) & 0x3333);
  return ((((v + (v >>> 4)) & 0x0f0f) * 0x0101) >>> 8) & 0x1f;
}
