const f32 = Math.fround;

/**
 * Meta's heuristic quality (0..100): the sum of quantised luma gradients between neighbouring cells
 * of the 64x64 downsample, so flat or featureless images score low. Single precision as the reference.
 */
export function pdqQuality(block64: Float32Array): number {
  let gradientSum = 0;
  const step = (u: number, v: number): number => Math.abs(Math.trunc(f32(f32(f32(u - v) * 100) / 255)));
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++)
      gradientSum += step(block64[i * 64 + j] as number, block64[(i + 1) * 64 + j] as number);
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) gradientSum += step(block64[i * 64 + j] as number, block64[i * 64 + j + 1] as number);
  }
  return Math.min(100, Math.floor(gradientSum / 90));
}
