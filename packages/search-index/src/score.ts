import type { WordGroup } from "./compile-query.js";
import type { InvertedIndex, TermPostings } from "./index-store.js";
import type { ScoreBoard, ScratchPool } from "./scratch.js";

export interface Bm25Params {
  readonly k1: number;
  readonly b: number;
}

/** Okapi BM25 with the Lucene idf (never negative), over an index's live documents. */
export class Bm25 {
  private readonly n: number;
  private readonly avg: number;
  private readonly best: Float64Array;

  constructor(
    private readonly index: InvertedIndex,
    private readonly params: Bm25Params,
    private readonly scratch: ScratchPool,
  ) {
    this.n = index.size;
    this.avg = index.averageLength || 1;
    this.best = scratch.bestScores(index.capacity);
  }

  private idf(df: number): number {
    return Math.log(1 + (this.n - df + 0.5) / (df + 0.5));
  }

  /** Best score per document over the group's alternatives, pushed to `touched`/`this.best`. */
  private scoreAlternatives(group: WordGroup, touched: number[]): void {
    const { k1, b } = this.params;
    const { docs, lengths } = this.index.columns;
    for (const alt of group) {
      const list: TermPostings | undefined = this.index.postings.get(alt.term);
      if (list === undefined) continue;
      const scale = alt.weight * this.idf(list.live) * (k1 + 1);
      for (let i = 0; i < list.nums.length; i++) {
        const num = list.nums[i] as number;
        if (docs[num] === undefined) continue;
        const tf = list.tfs[i] as number;
        const s = (scale * tf) / (tf + k1 * (1 - b + (b * (lengths[num] as number)) / this.avg));
        if (this.best[num] === 0) touched.push(num);
        if (s > (this.best[num] as number)) this.best[num] = s;
      }
    }
  }

  /** Add each group's best per-document score to a new board. */
  scoreWords(groups: readonly WordGroup[]): ScoreBoard {
    const board = this.scratch.board(this.index.capacity);
    for (const group of groups) {
      const touched: number[] = [];
      this.scoreAlternatives(group, touched);
      for (const num of touched) {
        if (board.groupHits[num] === 0) board.nums.push(num);
        (board.groupHits[num] as number)++;
        (board.scores[num] as number) += this.best[num] as number;
        this.best[num] = 0;
      }
    }
    return board;
  }
}

/**
 * Walks one term's postings in step with ascending candidate numbers, so reading the positions of
 * every candidate costs one pass over the list instead of a binary search per candidate.
 */
class PostingCursor {
  private at = 0;

  constructor(private readonly list: TermPostings) {}

  positionsOf(num: number, out: number[]): void {
    const { nums, positions } = this.list;
    while (this.at < nums.length && (nums[this.at] as number) < num) this.at++;
    if (nums[this.at] !== num) return;
    const p = positions[this.at];
    if (typeof p === "number") out.push(p);
    else if (p !== undefined) out.push(...p);
  }
}

function hasSequence(lists: readonly number[][]): boolean {
  const [first, ...rest] = lists;
  if (first === undefined) return false;
  return first.some((start) => rest.every((list, i) => list.includes(start + i + 1)));
}

/**
 * Documents containing the phrase's words at consecutive positions (any alternative per word),
 * scored as the sum of the words' scores. Positions are only read for documents holding every word.
 */
export function scorePhrase(phrase: readonly WordGroup[], index: InvertedIndex, bm25: Bm25): Map<number, number> {
  const board = bm25.scoreWords(phrase);
  const candidates = board.nums.filter((num) => board.groupHits[num] === phrase.length).sort((a, b) => a - b);
  const cursors = phrase.map((group) =>
    group.flatMap((alt) => {
      const list = index.postings.get(alt.term);
      return list === undefined ? [] : [new PostingCursor(list)];
    }),
  );
  const out = new Map<number, number>();
  for (const num of candidates) {
    const lists = cursors.map((group) => {
      const positions: number[] = [];
      for (const cursor of group) cursor.positionsOf(num, positions);
      return positions;
    });
    if (hasSequence(lists)) out.set(num, board.scores[num] ?? 0);
  }
  return out;
}
