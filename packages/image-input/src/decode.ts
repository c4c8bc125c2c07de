import { NexusError } from "@nexus/errors";
import type { PdqDihedralResult, PdqMethod, PdqOptions, PixelBuffer } from "@nexus/image-hash";
import { imageSize } from "image-size";
import sharp from "sharp";

export interface DecodeLimits {
  readonly maxPixels: number;
  readonly timeoutMs: number;
  /** See ImageInputOptions.pdqMethod; "exact" always decodes at full size. */
  readonly pdqMethod: PdqMethod;
  /** See ImageInputOptions.jpegMinSide; 0 = off. */
  readonly jpegMinSide: number;
}

export interface DecodedHash extends PdqDihedralResult {
  width: number;
  height: number;
}

/** Hashes decoded pixels; it may take ownership of (transfer) the pixel buffer. */
export type PixelHasher = (pixels: PixelBuffer, options: PdqOptions) => PdqDihedralResult | Promise<PdqDihedralResult>;

interface Size {
  width: number;
  height: number;
}

/**
 * Decodes with sharp as the reference's decoder sees the file: embedded ICC profiles ignored
 * (ImageMagick's PPM export does not apply them) and EXIF orientation NOT applied; full resolution
 * unless a JPEG shrink-on-load applies, in which case the hasher is told the full size. The pixel
 * limit is enforced by libvips from the header, before any pixel is decompressed. Alpha is dropped (PDQ ignores it) so less is copied.
 */
export async function decodeAndHash(
  bytes: Buffer,
  limits: DecodeLimits,
  hashPixels: PixelHasher,
): Promise<DecodedHash> {
  const full = limits.pdqMethod === "separable" && limits.jpegMinSide > 0 ? jpegSize(bytes) : undefined;
  const target = full && jpegReducedSize(full, limits.jpegMinSide);
  // Set only when the decode is reduced: the hasher then maps the reference's filter for this size.
  const source = target === undefined ? undefined : full;
  let decoded: { data: Buffer; info: sharp.OutputInfo };
  try {
    const image = sharp(bytes, { limitInputPixels: limits.maxPixels, ignoreIcc: true, failOn: "error" });
    if (target !== undefined) image.resize({ ...target, fit: "fill", kernel: "linear" });
    decoded = await image
      .removeAlpha()
      .timeout({ seconds: Math.max(1, Math.ceil(limits.timeoutMs / 1000)) })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (cause) {
    throw classifySharpError(cause, limits);
  }
  const { data, info } = decoded;
  const pixels = { width: info.width, height: info.height, channels: info.channels, data };
  const result = await hashPixels(pixels, { method: limits.pdqMethod, ...(source ? { source } : {}) });
  return { ...result, width: source?.width ?? info.width, height: source?.height ?? info.height };
}

/**
 * A JPEG's stored size from its header (image-size reads it in microseconds, where asking sharp
 * costs a libvips header parse); undefined for anything else, which is decoded at full size.
 */
function jpegSize(bytes: Buffer): Size | undefined {
  try {
    const { type, width, height } = imageSize(bytes);
    return type === "jpg" ? { width, height } : undefined;
  } catch {
    return undefined; // not an image image-size knows: sharp decides, and says why if it cannot
  }
}

/**
 * The size to ask sharp for so that libjpeg shrinks while decoding, or undefined for a full-size
 * decode: the largest of 1/8, 1/4, 1/2 that keeps the shorter side >= minSide. sharp shrinks on load
 * by `shrink` only when the requested reduction is at least shrink + 1 (it halves the load-time
 * shrink otherwise), so ask for exactly that; floor keeps it >= shrink + 1.
 */
function jpegReducedSize(size: Size, minSide: number): Size | undefined {
  const shrink = [8, 4, 2].find((factor) => Math.min(size.width, size.height) / (factor + 1) >= minSide);
  if (shrink === undefined) return undefined;
  return { width: Math.floor(size.width / (shrink + 1)), height: Math.floor(size.height / (shrink + 1)) };
}

function classifySharpError(cause: unknown, limits: DecodeLimits): NexusError {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/pixel limit/i.test(message)) {
    return new NexusError("NEXUS_IMAGE_TOO_LARGE", `image has more than ${limits.maxPixels} pixels`, {
      cause,
      details: { maxPixels: limits.maxPixels },
    });
  }
  if (/timeout/i.test(message)) return new NexusError("NEXUS_IMAGE_TIMEOUT", "image decode timed out", { cause });
  return new NexusError("NEXUS_IMAGE_DECODE", `cannot decode image: ${message}`, { cause });
}
