import { checkPixelBuffer, type PixelBuffer } from "./luma.js";
import { type TentWeights, tentWeights } from "./tent-weights.js";

/** Size of the image the pixels were decoded from (larger when the decoder reduced it). */
export interface SourceSize {
  readonly width: number;
  readonly height: number;
}

const LUMA_R = 0.299;
const LUMA_G = 0.587;
const LUMA_B = 0.114;

/**
 * The reference's 64x64 downsample (luma, two tent passes, decimation) as two sparse matrix
 * products in double precision: per row, only the 64 weighted sums the decimation reads; then per
 * output cell, a weighted sum down those. About one multiply-add per pixel and channel, where the
 * reference filters every pixel four times. Same kernel, different rounding: the cells agree with
 * the reference to about 1e-5, so a hash bit differs only when a coefficient sits that close to the
 * median. Luma is taken after the horizontal sums (linear, so equal up to rounding).
 */
export function separableDownsample64(image: PixelBuffer, source: SourceSize = image): Float32Array {
  checkPixelBuffer(image);
  const { width, height } = image;
  const across = tentWeights(width, source.width);
  const down = tentWeights(height, source.height);
  const rowSums = new Float64Array(height * 64);
  for (let y = 0; y < height; y++) weighRow(image, y, across, rowSums);
  const out = new Float32Array(64 * 64);
  const cell = new Float64Array(64);
  for (let k = 0; k < 64; k++) {
    cell.fill(0);
    const first = down.start[k] as number;
    const offset = k * down.stride;
    for (let t = 0, n = down.length[k] as number; t < n; t++) {
      const weight = down.weights[offset + t] as number;
      const base = (first + t) * 64;
      for (let j = 0; j < 64; j++) cell[j] = (cell[j] as number) + weight * (rowSums[base + j] as number);
    }
    out.set(cell, k * 64);
  }
  return out;
}

/** The 64 horizontal weighted sums of row `y`'s luma, into `rowSums[y * 64 ..]`. */
function weighRow(image: PixelBuffer, y: number, across: TentWeights, rowSums: Float64Array): void {
  const { width, channels, data } = image;
  const { start, length, weights, stride } = across;
  const rowBase = y * width * channels;
  for (let k = 0; k < 64; k++) {
    let i = rowBase + (start[k] as number) * channels;
    const offset = k * stride;
    const n = length[k] as number;
    if (channels < 3) {
      let grey = 0;
      for (let t = 0; t < n; t++, i += channels) grey += (weights[offset + t] as number) * (data[i] as number);
      rowSums[y * 64 + k] = grey;
      continue;
    }
    let red = 0;
    let green = 0;
    let blue = 0;
    for (let t = 0; t < n; t++, i += channels) {
      const weight = weights[offset + t] as number;
      red += weight * (data[i] as number);
      green += weight * (data[i + 1] as number);
      blue += weight * (data[i + 2] as number);
    }
    rowSums[y * 64 + k] = LUMA_R * red + LUMA_G * green + LUMA_B * blue;
  }
}
