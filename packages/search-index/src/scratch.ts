/** Scores of the documents a query touched, in flat arrays indexed by document number. */
export interface ScoreBoard {
  /** Documents with a score, in first-touch order. */
  readonly nums: number[];
  readonly scores: Float64Array;
  /** How many word groups each document matched. */
  readonly groupHits: Uint16Array;
}

/**
 * Reusable per-query arrays sized to the index. A query over 100k ads would otherwise allocate
 * megabytes of typed arrays and hand the garbage collector pauses that show up as p99 latency.
 * Searches are synchronous, so one pool per index is enough; `release` zeroes only what was touched.
 */
export class ScratchPool {
  private readonly free: ScoreBoard[] = [];
  private readonly taken: ScoreBoard[] = [];
  private best = new Float64Array(0);

  /** A zeroed array of at least `capacity` entries; callers leave it zeroed after use. */
  bestScores(capacity: number): Float64Array {
    if (this.best.length < capacity) this.best = new Float64Array(grow(capacity));
    return this.best;
  }

  board(capacity: number): ScoreBoard {
    let board = this.free.pop();
    if (board === undefined || board.scores.length < capacity) {
      const size = grow(capacity);
      board = { nums: [], scores: new Float64Array(size), groupHits: new Uint16Array(size) };
    }
    this.taken.push(board);
    return board;
  }

  /** Zero every board handed out since the last release and take them back. */
  release(): void {
    for (const board of this.taken) {
      for (const num of board.nums) {
        board.scores[num] = 0;
        board.groupHits[num] = 0;
      }
      board.nums.length = 0;
      this.free.push(board);
    }
    this.taken.length = 0;
  }
}

// Headroom so an index that keeps growing does not reallocate on every query.
function grow(capacity: number): number {
  return Math.ceil(capacity * 1.25) + 64;
}
