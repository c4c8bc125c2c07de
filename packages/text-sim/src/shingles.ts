import { hashString32 } from "./hash.js";
import { tokenize } from "./normalize.js";

/** Default shingle width: three words keep templated phrasing while tolerating word swaps. */
export const DEFAULT_SHINGLE_SIZE = 3;

/** Word n-grams (joined with one space). A text shorter than `size` words yields one shingle of all of it. */
export function wordShingles(tokens: readonly string[], size = DEFAULT_SHINGLE_SIZE): string[] {
  if (tokens.length === 0) return [];
  if (tokens.length <= size) return [tokens.join(" ")];
  const shingles: string[] = [];
  for (let start = 0; start + size <= tokens.length; start += 1) {
    shingles.push(tokens.slice(start, start + size).join(" "));
  }
  return shingles;
}

/** A text's shingle set as sorted, de-duplicated 32-bit hashes, with the shingle text of each hash. */
export interface ShingleSet {
  readonly hashes: Uint32Array;
  /** Same order as `hashes`; kept so a demoted phrase can be reported in words. */
  readonly texts: readonly string[];
}

export function shingleSet(text: string, size = DEFAULT_SHINGLE_SIZE): ShingleSet {
  const byHash = new Map<number, string>();
  for (const shingle of wordShingles(tokenize(text), size)) byHash.set(hashString32(shingle), shingle);
  const hashes = Uint32Array.from(byHash.keys()).sort();
  return { hashes, texts: Array.from(hashes, (hash) => byHash.get(hash) ?? "") };
}
