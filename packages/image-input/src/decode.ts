import { NexusError } from "@nexus/errors";
import { type PdqDihedralResult, pdqHashDihedral } from "@nexus/image-hash";
import sharp from "sharp";

export interface DecodeLimits {
  readonly maxPixels: number;
  readonly timeoutMs: number;
  /** See ImageInputOptions.prescaleTo; 0 = off. */
  readonly prescaleTo: number;
}

export interface DecodedHash extends PdqDihedralResult {
  width: number;
  height: number;
}

/**
 * Decodes with sharp exactly as the reference's decoder sees the file: full resolution, embedded ICC
 * profiles ignored (ImageMagick's PPM export does not apply them) and EXIF orientation NOT applied.
 * The pixel limit is enforced by libvips from the header, before any pixel is decompressed.
 */
export async function decodeAndHash(bytes: Buffer, limits: DecodeLimits): Promise<DecodedHash> {
  let decoded: { data: Buffer; info: sharp.OutputInfo };
  let size: { width: number; height: number } | undefined;
  try {
    const image = sharp(bytes, { limitInputPixels: limits.maxPixels, ignoreIcc: true, failOn: "error" });
    if (limits.prescaleTo > 0) {
      const meta = await image.metadata();
      size = { width: meta.width ?? 0, height: meta.height ?? 0 };
      const factor = prescaleFactor(size, limits.prescaleTo);
      if (factor > 1) {
        const target = { width: Math.ceil(size.width / factor), height: Math.ceil(size.height / factor) };
        image.resize({ ...target, fit: "fill", kernel: "linear" });
      }
    }
    decoded = await image
      .timeout({ seconds: Math.max(1, Math.ceil(limits.timeoutMs / 1000)) })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (cause) {
    throw classifySharpError(cause, limits);
  }
  const { data, info } = decoded;
  const pixels = { width: info.width, height: info.height, channels: info.channels, data };
  return { ...pdqHashDihedral(pixels), width: size?.width ?? info.width, height: size?.height ?? info.height };
}

/**
 * The largest power-of-two reduction that keeps the shorter side at or above `minSide`: powers of
 * two let libjpeg scale in the DCT domain while decoding (shrink-on-load) and other formats box-shrink.
 */
function prescaleFactor(size: { width: number; height: number }, minSide: number): number {
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
