/**
 * Exact Jaccard similarity of two sorted, de-duplicated hash sets, optionally ignoring hashes in
 * `ignore` (demoted boilerplate). Two empty sets have similarity 0: no text is no evidence.
 */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>, ignore?: { has(value: number): boolean }): number {
  let i = 0;
  let j = 0;
  let intersection = 0;
  let union = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < b.length ? (b[j] as number) : Number.POSITIVE_INFINITY;
    const value = Math.min(x, y);
    const both = x === y;
    if (x <= y) i += 1;
    if (y <= x) j += 1;
    if (ignore?.has(value)) continue;
    union += 1;
    if (both) intersection += 1;
  }
  return union === 0 ? 0 : intersection / union;
}

/** How many hashes of the set survive `ignore`. */
export function countKept(set: ArrayLike<number>, ignore?: { has(value: number): boolean }): number {
  if (ignore === undefined) return set.length;
  let kept = 0;
  for (let index = 0; index < set.length; index += 1) if (!ignore.has(set[index] as number)) kept += 1;
  return kept;
}
