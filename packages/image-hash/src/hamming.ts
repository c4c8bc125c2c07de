/** A 256-bit PDQ hash as 8 unsigned 32-bit words, word 0 = the first 8 hex characters. */
export type HashWords = Uint32Array;

export const HASH_HEX_LENGTH = 64;
export const HASH_WORDS = 8;

const HEX_PATTERN = /^[0-9a-fA-F]{64}$/;

/** Parses 64 hex characters into 8 words; throws RangeError on anything else (a caller bug, not data). */
export function parseHashHex(hex: string): HashWords {
  if (!HEX_PATTERN.test(hex)) {
    throw new RangeError(`PDQ hash must be ${HASH_HEX_LENGTH} hex characters, got ${JSON.stringify(hex.slice(0, 80))}`);
  }
  const words = new Uint32Array(HASH_WORDS);
  for (let i = 0; i < HASH_WORDS; i++) words[i] = Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return words;
}

/** Inverse of {@link parseHashHex}: lowercase, zero-padded. */
export function formatHashHex(words: HashWords): string {
  let out = "";
  for (let i = 0; i < HASH_WORDS; i++) out += (words[i] ?? 0).toString(16).padStart(8, "0");
  return out;
}

/** Number of set bits in a 32-bit integer (SWAR: no table, no loop). */
export function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Hamming distance between hash `a` and the hash stored at `b[offset..offset+8)`. */
export function distanceWords(a: HashWords, b: Uint32Array, offset = 0): number {
  let d = 0;
  for (let i = 0; i < HASH_WORDS; i++) d += popcount32(((a[i] as number) ^ (b[offset + i] as number)) >>> 0);
  return d;
}

/** Hamming distance (0..256) between two PDQ hashes given as 64 hex characters. */
export function hammingDistance(a: string, b: string): number {
  return distanceWords(parseHashHex(a), parseHashHex(b));
}
