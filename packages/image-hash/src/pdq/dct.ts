const f32 = Math.fround;

/** Rows 1..16 of the 64-point DCT-II basis, in single precision like the reference's table. */
const DCT_MATRIX: Float32Array = (() => {
  const scale = f32(Math.sqrt(2 / 64));
  const matrix = new Float32Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) matrix[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
  }
  return matrix;
})();

/**
 * The 16x16 low-frequency block of the 2D DCT of a 64x64 image: B = D A D^T, accumulated in
 * single precision in the reference's order (T = D A first, then T D^T). The first product runs
 * k-outer so its inner loop walks rows of A contiguously; each T[i][j] still adds its terms in
 * k order, rounding as the reference does, so the result is bit-identical.
 */
export function dct64To16(a: Float32Array): Float32Array {
  const t = new Float64Array(16 * 64);
  for (let i = 0; i < 16; i++) {
    const ti = i * 64;
    for (let k = 0; k < 64; k++) {
      const d = DCT_MATRIX[ti + k] as number;
      const ak = k * 64;
      for (let j = 0; j < 64; j++) t[ti + j] = f32((t[ti + j] as number) + f32(d * (a[ak + j] as number)));
    }
  }
  const b = new Float32Array(16 * 16);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = f32(sum + f32((t[i * 64 + k] as number) * (DCT_MATRIX[j * 64 + k] as number)));
      b[i * 16 + j] = sum;
    }
  }
  return b;
}
