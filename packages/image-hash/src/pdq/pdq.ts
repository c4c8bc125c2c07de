import { DIHEDRAL_NAMES, dct16ToHex, transformDct16 } from "./bits.js";
import { dct64To16 } from "./dct.js";
import { jaroszDownsample64 } from "./jarosz.js";
import { checkPixelBuffer, lumaRow, type PixelBuffer } from "./luma.js";
import { pdqQuality } from "./quality.js";
import { type SourceSize, separableDownsample64 } from "./separable.js";

/** Hamming distance at or below which two PDQ hashes are the same picture (Meta's confident match). */
export const PDQ_MATCH_THRESHOLD = 31;
/** Hashes with quality below this carry too little detail to match on (python-threatexchange). */
export const PDQ_QUALITY_THRESHOLD = 50;

const MIN_HASHABLE_DIM = 5;
const ZERO_HASH = "0".repeat(64);

export interface PdqResult {
  /** 64 lowercase hex characters (256 bits), the reference's layout. */
  hash: string;
  /** 0..100; below {@link PDQ_QUALITY_THRESHOLD} the hash should not be used for matching. */
  quality: number;
  /** True when quality is below {@link PDQ_QUALITY_THRESHOLD}. */
  lowQuality: boolean;
}

export interface PdqDihedralResult extends PdqResult {
  /** original, rotate90, rotate180, rotate270, flipX, flipY, flipPlus1, flipMinus1 (reference order). */
  dihedral: string[];
}

/**
 * How the 64x64 downsample is computed. "exact": the reference's single-precision filter, operation
 * for operation, so the hash is bit-identical on the same pixels. "separable": the same kernel as
 * double-precision weights over only the cells the hash reads, about 3x faster, and able to hash a
 * reduced decode as its full-size source (see {@link PdqOptions.source}); it agrees with the
 * reference except when a coefficient lies within rounding of the median.
 */
export type PdqMethod = "exact" | "separable";

export interface PdqOptions {
  /** Default "exact". */
  readonly method?: PdqMethod;
  /**
   * "separable" only: the size of the image these pixels were reduced from (a JPEG decoded at 1/4,
   * say); the reference's filter for that size is mapped onto the pixels. Default: the pixels' size.
   */
  readonly source?: SourceSize;
}

type RowSource = (row: number, out: Float32Array) => void;

/** The 16x16 DCT block and quality of an image given row by row as float luma. */
function pdqDct(width: number, height: number, fillRow: RowSource): { dct: Float32Array; quality: number } | undefined {
  if (width < MIN_HASHABLE_DIM || height < MIN_HASHABLE_DIM) return undefined;
  let block64: Float32Array;
  if (width === 64 && height === 64) {
    // Already 64x64 (e.g. a video frame scaled by ffmpeg): the reference skips the filter too.
    block64 = new Float32Array(64 * 64);
    for (let row = 0; row < 64; row++) fillRow(row, block64.subarray(row * 64, row * 64 + 64));
  } else {
    block64 = jaroszDownsample64(height, width, fillRow);
  }
  return { dct: dct64To16(block64), quality: pdqQuality(block64) };
}

function fromPixels(image: PixelBuffer): RowSource {
  checkPixelBuffer(image);
  return (row, out) => lumaRow(image, row, out);
}

function fromLuma(luma: Float32Array, width: number): RowSource {
  return (row, out) => out.set(luma.subarray(row * width, row * width + width));
}

/** PDQ hash and quality of decoded pixels, bit-exact with Meta's reference on the same pixels. */
export function pdqHash(image: PixelBuffer): PdqResult {
  const result = pdqDct(image.width, image.height, fromPixels(image));
  if (result === undefined) return { hash: ZERO_HASH, quality: 0, lowQuality: true };
  return { hash: dct16ToHex(result.dct), quality: result.quality, lowQuality: result.quality < PDQ_QUALITY_THRESHOLD };
}

/** PDQ hash plus the 8 dihedral variants, all from one downsample and one DCT. */
export function pdqHashDihedral(image: PixelBuffer, options: PdqOptions = {}): PdqDihedralResult {
  if (options.method !== "separable") {
    if (options.source !== undefined) throw new RangeError("a source size needs the separable method");
    return dihedralResult(pdqDct(image.width, image.height, fromPixels(image)));
  }
  checkPixelBuffer(image);
  const source = options.source ?? image;
  if (Math.min(image.width, image.height, source.width, source.height) < MIN_HASHABLE_DIM) {
    return dihedralResult(undefined);
  }
  const block64 = separableDownsample64(image, source);
  return dihedralResult({ dct: dct64To16(block64), quality: pdqQuality(block64) });
}

/** As {@link pdqHashDihedral}, from a float luma plane (row-major) the caller already has. */
export function pdqDihedralFromLuma(luma: Float32Array, width: number, height: number): PdqDihedralResult {
  if (luma.length < width * height)
    throw new RangeError(`luma of ${luma.length} values does not hold ${width}x${height}`);
  return dihedralResult(pdqDct(width, height, fromLuma(luma, width)));
}

function dihedralResult(result: { dct: Float32Array; quality: number } | undefined): PdqDihedralResult {
  if (result === undefined) {
    return { hash: ZERO_HASH, quality: 0, lowQuality: true, dihedral: DIHEDRAL_NAMES.map(() => ZERO_HASH) };
  }
  const dihedral = DIHEDRAL_NAMES.map((name) => dct16ToHex(transformDct16(result.dct, name)));
  return {
    hash: dihedral[0] as string,
    quality: result.quality,
    lowQuality: result.quality < PDQ_QUALITY_THRESHOLD,
    dihedral,
  };
}
