/** A ranked candidate: internal number, id for tie-breaks, score. */
export interface Ranked {
  readonly num: number;
  readonly id: string;
  readonly score: number;
}

/** Score descending, then id ascending: the one stable order every page is cut from. */
export function compareRanked(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

function swap(heap: Ranked[], i: number, j: number): void {
  const t = heap[i] as Ranked;
  heap[i] = heap[j] as Ranked;
  heap[j] = t;
}

// The heap root is the WORST kept item, so items later in compareRanked order float up.
function siftDown(heap: Ranked[]): void {
  const n = heap.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    let worst = i;
    if (l < n && compareRanked(heap[l] as Ranked, heap[worst] as Ranked) > 0) worst = l;
    if (l + 1 < n && compareRanked(heap[l + 1] as Ranked, heap[worst] as Ranked) > 0) worst = l + 1;
    if (worst === i) return;
    swap(heap, i, worst);
    i = worst;
  }
}

function siftUp(heap: Ranked[]): void {
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compareRanked(heap[i] as Ranked, heap[parent] as Ranked) <= 0) return;
    swap(heap, i, parent);
    i = parent;
  }
}

/** Where a candidate's id and score come from, read only when it may enter the top k. */
export interface RankSource {
  readonly idOf: (num: number) => string;
  readonly scoreOf: (num: number) => number;
}

/**
 * The best `k` of `nums` in ranked order, in O(n log k) instead of sorting every match; a candidate
 * that scores below the current k-th is rejected before any object is made for it.
 */
export function topK(nums: readonly number[], source: RankSource, k: number): Ranked[] {
  if (k <= 0) return [];
  const heap: Ranked[] = [];
  for (const num of nums) {
    const score = source.scoreOf(num);
    const root = heap[0];
    if (heap.length >= k && root !== undefined && score < root.score) continue;
    const item = { num, id: source.idOf(num), score };
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap);
    } else if (root !== undefined && compareRanked(item, root) < 0) {
      heap[0] = item;
      siftDown(heap);
    }
  }
  return heap.sort(compareRanked);
}
