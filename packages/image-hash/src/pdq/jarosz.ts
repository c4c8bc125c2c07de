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

/** {@link box1D} computing the same running sums but storing only the outputs at `samples` (non-decreasing). */
function box1DSampled(
  input: Float32Array,
  length: number,
  window: number,
  samples: Int32Array,
  output: Float32Array,
  outStart: number,
): void {
  const half = Math.floor((window + 2) / 2);
  let sum = 0;
  let size = 0;
  let li = 0;
  let oi = 0;
  let k = 0;
  let next = samples[0] as number;
  for (let ri = 0; ri < length + half - 1; ri++) {
    const adding = ri < length;
    const leaving = ri >= window;
    if (adding) {
      sum = f32(sum + (input[ri] as number));
      size++;
    }
    if (leaving) {
      sum = f32(sum - (input[li++] as number));
      size--;
    }
    if (ri >= half - 1) {
      // Images under 64 px repeat indices (the reference then upsamples by repetition).
      while (oi === next) {
        output[outStart + k] = sum / size;
        next = k + 1 < samples.length ? (samples[++k] as number) : -1;
      }
      oi++;
    }
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
 * The reference's tent filter (2 passes) followed by decimation to 64x64, computing only what the
 * decimation keeps: the second row pass stores just the 64 sampled columns and the second column
 * pass runs only over them. Every kept value goes through the same float operations as in
 * {@link jaroszFilter}, so the result is bit-identical. `fillRow(i, out)` writes luma row i.
 */
export function jaroszDownsample64(
  rows: number,
  cols: number,
  fillRow: (row: number, out: Float32Array) => void,
): Float32Array {
  const windowAlongRows = jaroszWindowSize(cols, 64);
  const windowAlongCols = jaroszWindowSize(rows, 64);
  const a = new Float32Array(rows * cols);
  const b = new Float32Array(rows * cols);
  const line = new Float32Array(cols);
  for (let i = 0; i < rows; i++) {
    fillRow(i, line);
    box1D(line, a, { inStart: 0, outStart: i * cols, length: cols, window: windowAlongRows });
  }
  boxAlongCols(a, b, rows, cols, windowAlongCols);
  const colSamples = decimationIndices(cols);
  const narrow = new Float32Array(rows * 64);
  for (let i = 0; i < rows; i++) {
    box1DSampled(b.subarray(i * cols, (i + 1) * cols), cols, windowAlongRows, colSamples, narrow, i * 64);
  }
  const narrowOut = new Float32Array(rows * 64);
  boxAlongCols(narrow, narrowOut, rows, 64, windowAlongCols);
  const out = new Float32Array(64 * 64);
  decimationIndices(rows).forEach((row, k) => {
    out.set(narrowOut.subarray(row * 64, row * 64 + 64), k * 64);
  });
  return out;
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
