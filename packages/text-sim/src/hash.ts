/**
 * 32-bit string hashing for shingles (FNV-1a over UTF-16 code units, then the murmur3 finaliser so
 * that nearby strings spread over all bits). Not cryptographic; deterministic across runs and hosts.
 */
export function hashString32(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix32(hash);
}

/** The murmur3 32-bit finaliser: a bijection on uint32 with good avalanche. */
export function mix32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** splitmix32 stream: derives many independent-looking constants from one fixed seed. */
export function deriveSeeds(seed: number, count: number): Uint32Array {
  const seeds = new Uint32Array(count);
  let state = seed >>> 0;
  for (let index = 0; index < count; index += 1) {
    state = (state + 0x9e3779b9) >>> 0;
    seeds[index] = mix32(state);
  }
  return seeds;
}
