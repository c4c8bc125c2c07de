const f32 = Math.fround;

// Steady-state averages are computed as sum * (1 / size) in double precision, then rounded to float32
// when stored, where the reference divides in float. Both give the same float32: x / n for a float32 x
// and an integer n is never a float32 rounding midpoint (that would need 25 significant bits) and stays
// at least a relative 2^-25 / n away from one, while the double product is within 2^-52 of x / n; so for
// any size below 2^26 (windows here are far smaller) both round to the same neighbour. Tested bit-exact.

/** Four rows of one box pass: rows k = 0..3 start at inStart + k * stride and outStart + k * stride. */
export interface FourRows {
  readonly inStart: number;
  readonly outStart: number;
  readonly stride: number;
  readonly length: number;
  readonly window: number;
}

/**
 * The reference's running-sum box filter (same float operations in the same order as box1D in
 * jarosz.ts, so bit-identical) on four rows in lockstep. Each row's sum is a serial chain of
 * single-precision roundings; four independent chains let the CPU overlap them, which is most of
 * the speed-up over one row at a time.
 */
export function boxFourRows(input: Float32Array, output: Float32Array, rows: FourRows): void {
  const { length, window, stride } = rows;
  const half = Math.floor((window + 2) / 2);
  const s2 = 2 * stride;
  const s3 = 3 * stride;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let size = 0;
  let ri = rows.inStart;
  let li = rows.inStart;
  let oi = rows.outStart;
  for (let i = 0; i < half - 1; i++, ri++) {
    a = f32(a + (input[ri] as number));
    b = f32(b + (input[ri + stride] as number));
    c = f32(c + (input[ri + s2] as number));
    d = f32(d + (input[ri + s3] as number));
    size++;
  }
  for (let i = 0; i < window - half + 1; i++, ri++, oi++) {
    a = f32(a + (input[ri] as number));
    b = f32(b + (input[ri + stride] as number));
    c = f32(c + (input[ri + s2] as number));
    d = f32(d + (input[ri + s3] as number));
    size++;
    output[oi] = a / size;
    output[oi + stride] = b / size;
    output[oi + s2] = c / size;
    output[oi + s3] = d / size;
  }
  const inverse = 1 / size;
  for (let i = 0; i < length - window; i++, ri++, li++, oi++) {
    a = f32(f32(a + (input[ri] as number)) - (input[li] as number));
    b = f32(f32(b + (input[ri + stride] as number)) - (input[li + stride] as number));
    c = f32(f32(c + (input[ri + s2] as number)) - (input[li + s2] as number));
    d = f32(f32(d + (input[ri + s3] as number)) - (input[li + s3] as number));
    output[oi] = a * inverse;
    output[oi + stride] = b * inverse;
    output[oi + s2] = c * inverse;
    output[oi + s3] = d * inverse;
  }
  for (let i = 0; i < half - 1; i++, li++, oi++) {
    a = f32(a - (input[li] as number));
    b = f32(b - (input[li + stride] as number));
    c = f32(c - (input[li + s2] as number));
    d = f32(d - (input[li + s3] as number));
    size--;
    output[oi] = a / size;
    output[oi + stride] = b / size;
    output[oi + s2] = c / size;
    output[oi + s3] = d / size;
  }
}

/** Running column sums of a box filter down `cols` columns, fed one row at a time. */
export interface ColumnSums {
  readonly sums: Float64Array;
  /** Rows currently inside the window. */
  size: number;
}

/** Row offsets for one {@link columnStep}; -1 = none (no row enters / leaves / is emitted). */
export interface ColumnStepRows {
  readonly add: number;
  readonly sub: number;
  readonly out: number;
}

/**
 * One step of the reference's box filter down every column: row `add` of `input` enters the window,
 * row `sub` leaves it, and when `out` >= 0 the averages are written there. Each column's sum sees
 * exactly the operations box1D would apply to that column, so results are bit-identical. Walking
 * rows keeps memory access sequential; the loops are split by case so no branch runs per pixel.
 */
export function columnStep(
  state: ColumnSums,
  arrays: { input: Float32Array; output: Float32Array },
  rows: ColumnStepRows,
): void {
  const { sums } = state;
  const { input, output } = arrays;
  const { add, sub, out } = rows;
  const cols = sums.length;
  if (add >= 0) state.size++;
  if (sub >= 0) state.size--;
  const inverse = 1 / state.size;
  if (add >= 0 && sub >= 0) {
    for (let j = 0; j < cols; j++) {
      const sum = f32(f32((sums[j] as number) + (input[add + j] as number)) - (input[sub + j] as number));
      sums[j] = sum;
      output[out + j] = sum * inverse;
    }
    return;
  }
  if (sub >= 0) {
    for (let j = 0; j < cols; j++) sums[j] = f32((sums[j] as number) - (input[sub + j] as number));
  } else {
    for (let j = 0; j < cols; j++) sums[j] = f32((sums[j] as number) + (input[add + j] as number));
  }
  if (out >= 0) for (let j = 0; j < cols; j++) output[out + j] = (sums[j] as number) * inverse;
}

/** The column box filter over a whole image (`input` rows x cols into `output`). */
export function boxColumns(
  input: Float32Array,
  output: Float32Array,
  dims: { rows: number; cols: number; window: number },
): void {
  const { rows, cols, window } = dims;
  const half = Math.floor((window + 2) / 2);
  const state: ColumnSums = { sums: new Float64Array(cols), size: 0 };
  const arrays = { input, output };
  for (let ri = 0, li = 0, oi = 0; ri < rows + half - 1; ri++) {
    const leaving = ri >= window;
    const emit = ri >= half - 1;
    columnStep(state, arrays, {
      add: ri < rows ? ri * cols : -1,
      sub: leaving ? li * cols : -1,
      out: emit ? oi * cols : -1,
    });
    if (leaving) li++;
    if (emit) oi++;
  }
}
