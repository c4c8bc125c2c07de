import { boxColumns, boxFourRows, type ColumnSums, columnStep, type FourRows } from "./box-fast.js";

const f32 = Math.fround;

/** Box half-width per pass so that two X/Y passes approximate a tent over one output cell. */
export function jaroszWindowSize(oldDimension: number, newDimension: number): number {
  return Math.floor((oldDimension + 2 * newDimension - 1) / (2 * newDimension));
}

/**
 * One running-sum box filter along a row, in single precision and in the reference's
 * order of additions and subtractions (so results are bit-identical, not merely close).
 */
interface BoxSpan {
  readonly inStart: number;
  readonly outStart: number;
  readonly length: number;
  readonly window: number;
}

function box1D(input: Float32Array, output: Float32Array, span: BoxSpan): void {
  const { length, window } = span;
  const half = Math.floor((window + 2) / 2);
  let sum = 0;
  let size = 0;
  let ri = span.inStart;
  let li = span.inStart;
  let oi = span.outStart;
  for (let i = 0; i < half - 1; i++, ri++) {
    sum = f32(sum + (input[ri] as number));
    size++;
  }
  for (let i = 0; i < window - half + 1; i++, ri++, oi++) {
    sum = f32(sum + (input[ri] as number));
    size++;
    output[oi] = sum / size;
  }
  for (let i = 0; i < length - window; i++, ri++, li++, oi++) {
    sum = f32(sum + (input[ri] as number));
    sum = f32(sum - (input[li] as number));
    output[oi] = sum / size;
  }
  for (let i = 0; i < half - 1; i++, li++, oi++) {
    sum = f32(sum - (input[li] as number));
    size--;
    output[oi] = sum / size;
  }
}

/**
 * The same box filter down every column at once: walking rows keeps memory access sequential
 * (a strided walk per column thrashes the cache on wide images). Each column's sums see exactly
 * the operations {@link box1D} would apply, so results are identical.
 */
function boxAlongCols(input: Float32Array, output: Float32Array, rows: number, cols: number, window: number): void {
  const half = Math.floor((window + 2) / 2);
  const sums = new Float64Array(cols);
  let size = 0;
  let li = 0;
  let oi = 0;
  for (let ri = 0; ri < rows + half - 1; ri++) {
    // Row ri enters the window (while any remain); row li leaves once the window is full.
    const adding = ri < rows;
    const leaving = ri >= window;
    if (adding) size++;
    if (leaving) size--;
    const addBase = ri * cols;
    const subBase = li * cols;
    for (let j = 0; j < cols; j++) {
      let sum = sums[j] as number;
      if (adding) sum = f32(sum + (input[addBase + j] as number));
      if (leaving) sum = f32(sum - (input[subBase + j] as number));
      sums[j] = sum;
    }
    if (leaving) li++;
    if (ri >= half - 1) {
      const outBase = oi * cols;
      for (let j = 0; j < cols; j++) output[outBase + j] = (sums[j] as number) / size;
      oi++;
    }
  }
}

/**
 * Jarosz tent filter: `passes` rounds of a box along rows then along columns. Filters `buffer` in
 * place, using `scratch` (same size) between directions.
 */
export function jaroszFilter(
  buffer: Float32Array,
  scratch: Float32Array,
  dims: { rows: number; cols: number },
  passes: number,
): void {
  const { rows, cols } = dims;
  const windowAlongRows = jaroszWindowSize(cols, 64);
  const windowAlongCols = jaroszWindowSize(rows, 64);
  for (let pass = 0; pass < passes; pass++) {
    for (let i = 0; i < rows; i++) {
      box1D(buffer, scratch, { inStart: i * cols, outStart: i * cols, length: cols, window: windowAlongRows });
    }
    boxAlongCols(scratch, buffer, rows, cols, windowAlongCols);
  }
}

/** Index of the input sample each of the 64 output cells takes (cell centres, as the reference). */
export function decimationIndices(length: number): Int32Array {
  return Int32Array.from({ length: 64 }, (_, k) => Math.trunc(((k + 0.5) * length) / 64));
}

/**
 * The reference's tent filter (2 passes) followed by decimation to 64x64, streamed: rows flow through
 * row box -> column box -> row box in groups of 4, so only a ring of (window + 4) rows is ever held
 * instead of whole float images, and the last two passes keep only what the decimation samples.
 * Every kept value goes through the same float operations as in {@link jaroszFilter}, so the result
 * is bit-identical. `fillRow(i, out)` writes luma row i.
 */
export function jaroszDownsample64(
  rows: number,
  cols: number,
  fillRow: (row: number, out: Float32Array) => void,
): Float32Array {
  const rowWindow = jaroszWindowSize(cols, 64);
  const colWindow = jaroszWindowSize(rows, 64);
  const colHalf = Math.floor((colWindow + 2) / 2);
  const rowBox = { inStart: 0, outStart: 0, stride: cols, length: cols, window: rowWindow };
  // Pass-1 rows by row mod ringRows. A multiple of 4 so a group never wraps; >= window + 4 so the row
  // leaving the column window is still there while the next group is written.
  const ringRows = 4 * Math.ceil((colWindow + 4) / 4);
  const ring = new Float32Array(ringRows * cols);
  const lines = new Float32Array(4 * cols);
  const filtered = new Float32Array(4 * cols);
  const columns: ColumnSums = { sums: new Float64Array(cols), size: 0 };
  const colSamples = decimationIndices(cols);
  const narrow = new Float32Array(rows * 64);
  let pending = 0;
  let emitted = 0;
  const secondRowPass = (): void => {
    boxRows(filtered, lines, rowBox, pending);
    for (let k = 0; k < pending; k++, emitted++) {
      for (let s = 0; s < 64; s++) narrow[emitted * 64 + s] = lines[k * cols + (colSamples[s] as number)] as number;
    }
    pending = 0;
  };
  for (let ri = 0; ri < rows + colHalf - 1; ri++) {
    if (ri < rows && ri % 4 === 0) {
      const count = Math.min(4, rows - ri);
      for (let k = 0; k < count; k++) fillRow(ri + k, lines.subarray(k * cols, (k + 1) * cols));
      boxRows(lines, ring, { ...rowBox, outStart: (ri % ringRows) * cols }, count);
    }
    const emit = ri >= colHalf - 1;
    columnStep(
      columns,
      { input: ring, output: filtered },
      {
        add: ri < rows ? (ri % ringRows) * cols : -1,
        sub: ri >= colWindow ? ((ri - colWindow) % ringRows) * cols : -1,
        out: emit ? pending * cols : -1,
      },
    );
    if (emit && ++pending === 4) secondRowPass();
  }
  if (pending > 0) secondRowPass();
  const narrowOut = new Float32Array(rows * 64);
  boxColumns(narrow, narrowOut, { rows, cols: 64, window: colWindow });
  const out = new Float32Array(64 * 64);
  decimationIndices(rows).forEach((row, k) => {
    out.set(narrowOut.subarray(row * 64, row * 64 + 64), k * 64);
  });
  return out;
}

/** One box pass over `count` (1..4) rows spaced `stride` apart: four in lockstep, or one at a time. */
function boxRows(input: Float32Array, output: Float32Array, span: FourRows, count: number): void {
  if (count === 4) {
    boxFourRows(input, output, span);
    return;
  }
  for (let k = 0; k < count; k++) {
    const offset = k * span.stride;
    box1D(input, output, {
      inStart: span.inStart + offset,
      outStart: span.outStart + offset,
      length: span.length,
      window: span.window,
    });
  }
}

/** Picks the 64x64 cell centres out of the filtered image. */
export function decimateTo64(input: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(64 * 64);
  for (let oi = 0; oi < 64; oi++) {
    const ii = Math.trunc(((oi + 0.5) * rows) / 64);
    for (let oj = 0; oj < 64; oj++) {
      const ij = Math.trunc(((oj + 0.5) * cols) / 64);
      out[oi * 64 + oj] = input[ii * cols + ij] as number;
    }
  }
  return out;
}
