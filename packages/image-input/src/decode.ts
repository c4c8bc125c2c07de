import { NexusError } from "@nexus/errors";
import type { PdqDihedralResult, PixelBuffer } from "@nexus/image-hash";
import sharp from "sharp";

export interface DecodeLimits {
  readonly maxPixels: number;
  readonly timeoutMs: number;
  /** See ImageInputOptions.prescaleTo; 0 = off. */
  readonly prescaleTo: number;
  /** See ImageInputOptions.jpegMinSide; 0 = off. */
  readonly jpegMinSide: number;
}

export interface DecodedHash extends PdqDihedralResult {
  width: number;
  height: number;
}

/** Hashes decoded pixels; it may take ownership of (transfer) the pixel buffer. */
export type PixelHasher = (pixels: PixelBuffer) => PdqDihedralResult | Promise<PdqDihedralResult>;

interface Size {
  width: number;
  height: number;
}

/**
 * Decodes with sharp as the reference's decoder sees the file: embedded ICC profiles ignored
 * (ImageMagick's PPM export does not apply them) and EXIF orientation NOT applied; full resolution
 * unless a JPEG shrink-on-load or `prescaleTo` applies. The pixel limit is enforced by libvips from
 * the header, before any pixel is decompressed. Alpha is dropped (PDQ ignores it) so less is copied.
 */
export async function decodeAndHash(
  bytes: Buffer,
  limits: DecodeLimits,
  hashPixels: PixelHasher,
): Promise<DecodedHash> {
  let decoded: { data: Buffer; info: sharp.OutputInfo };
  let size: Size | undefined;
  try {
    const image = sharp(bytes, { limitInputPixels: limits.maxPixels, ignoreIcc: true, failOn: "error" });
    if (limits.prescaleTo > 0 || limits.jpegMinSide > 0) {
      const meta = await image.metadata();
      size = { width: meta.width ?? 0, height: meta.height ?? 0 };
      const target = reducedSize(size, meta.format, limits);
      if (target !== undefined) image.resize({ ...target, fit: "fill", kernel: "linear" });
    }
    decoded = await image
      .removeAlpha()
      .timeout({ seconds: Math.max(1, Math.ceil(limits.timeoutMs / 1000)) })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (cause) {
    throw classifySharpError(cause, limits);
  }
  const { data, info } = decoded;
  const result = await hashPixels({ width: info.width, height: info.height, channels: info.channels, data });
  return { ...result, width: size?.width ?? info.width, height: size?.height ?? info.height };
}

/** The size to resize to before hashing, or undefined to hash at full resolution. */
function reducedSize(size: Size, format: string | undefined, limits: DecodeLimits): Size | undefined {
  if (limits.prescaleTo > 0) {
    const factor = prescaleFactor(size, limits.prescaleTo);
    if (factor === 1) return undefined;
    return { width: Math.ceil(size.width / factor), height: Math.ceil(size.height / factor) };
  }
  if (format !== "jpeg") return undefined;
  const shorter = Math.min(size.width, size.height);
  const shrink = [8, 4, 2].find((factor) => shorter / (factor + 1) >= limits.jpegMinSide);
  if (shrink === undefined) return undefined;
  // sharp lets libjpeg shrink by `shrink` only when the requested reduction is at least shrink + 1
  // (it halves the load-time shrink otherwise), so ask for exactly that: floor keeps it >= shrink + 1.
  return { width: Math.floor(size.width / (shrink + 1)), height: Math.floor(size.height / (shrink + 1)) };
}

/**
 * The largest power-of-two reduction that keeps the shorter side at or above `minSide`: powers of
 * two let libjpeg scale in the DCT domain while decoding (shrink-on-load) and other formats box-shrink.
 */
function prescaleFactor(size: Size, minSide: number): number {
  let factor = 1;
  while (factor < 8 && Math.min(size.width, size.height) / (factor * 2) >= minSide) factor *= 2;
  return factor;
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
