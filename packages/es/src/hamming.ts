const POPCOUNT_NIBBLE = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4] as const;

/** True for a 256-bit PDQ hash written as 64 hex digits. */
export function isPdqHex(value: string): boolean {
  return /^[0-9a-f]{64}$/i.test(value);
}

/** Hamming distance between two equal-length hex strings. */
export function hexHamming(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    const x = Number.parseInt(a.charAt(i), 16) ^ Number.parseInt(b.charAt(i), 16);
    distance += POPCOUNT_NIBBLE[x] ?? 0;
  }
  return distance;
}

/** The smallest distance between any query hash and any stored hash (Infinity when either is empty). */
export function minHamming(queries: readonly string[], stored: readonly string[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const q of queries) for (const s of stored) best = Math.min(best, hexHamming(q, s));
  return best;
}
