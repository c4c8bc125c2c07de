/** Decoded pixels, row-major, interleaved channels: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA. */
export interface PixelBuffer {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly data: Uint8Array;
}

const f32 = Math.fround;

// The reference computes luma in single precision: each product and each sum is rounded to float.
// Products of a float constant and a byte are tabulated once; the two sums are rounded per pixel.
const LUMA_R = Float64Array.from({ length: 256 }, (_, v) => f32(f32(0.299) * v));
const LUMA_G = Float64Array.from({ length: 256 }, (_, v) => f32(f32(0.587) * v));
const LUMA_B = Float64Array.from({ length: 256 }, (_, v) => f32(f32(0.114) * v));

/** Writes luma row `row` of `image` into `out` (length = width), exactly as {@link lumaFromPixels}. */
export function lumaRow(image: PixelBuffer, row: number, out: Float32Array): void {
  const { width, channels, data } = image;
  let i = row * width * channels;
  if (channels <= 2) {
    for (let x = 0; x < width; x++, i += channels) out[x] = data[i] as number;
    return;
  }
  for (let x = 0; x < width; x++, i += channels) {
    const rg = f32((LUMA_R[data[i] as number] as number) + (LUMA_G[data[i + 1] as number] as number));
    out[x] = rg + (LUMA_B[data[i + 2] as number] as number);
  }
}

export function checkPixelBuffer(image: PixelBuffer): void {
  const { width, height, channels, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new RangeError(`bad image size ${width}x${height}`);
  }
  if (channels < 1 || channels > 4 || data.length < width * height * channels) {
    throw new RangeError(`pixel buffer of ${data.length} bytes does not hold ${width}x${height}x${channels}`);
  }
}

/**
 * Float luminance, row-major, as Meta's reference computes it: 0.299 R + 0.587 G + 0.114 B for colour,
 * the grey value itself for grey. Alpha is ignored (the reference does not composite).
 */
export function lumaFromPixels(image: PixelBuffer): Float32Array {
  checkPixelBuffer(image);
  const luma = new Float32Array(image.width * image.height);
  for (let row = 0; row < image.height; row++)
    lumaRow(image, row, luma.subarray(row * image.width, (row + 1) * image.width));
  return luma;
}
