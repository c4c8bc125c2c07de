import type { PdqMethod } from "@nexus/image-hash";

/** Limits and switches for reading images. Every limit has a safe default. */
export interface ImageInputOptions {
  /** Allow `file://` URLs in `hash({url})` (local import only). Default false. */
  allowFile?: boolean;
  /** Whole-fetch deadline (DNS, connect, redirects, body) and decode deadline, in ms. Default 10 000. */
  timeoutMs?: number;
  /** Largest encoded image accepted, in bytes (fetched, base64 or file). Default 20 MiB. */
  maxBytes?: number;
  /** Largest decoded image accepted, in pixels, checked from the header before decoding. Default 40 M. */
  maxPixels?: number;
  /** Redirects followed, each re-checked like the first request. Default 3. */
  maxRedirects?: number;
  /** DNS resolution; every returned address is checked. Default: the system resolver. */
  resolveHost?: (host: string) => Promise<string[]>;
  /**
   * How PDQ's 64x64 downsample is computed (see `PdqMethod` in @nexus/image-hash). "separable"
   * (default): the reference's filter as weights over the cells the hash reads, about 3x cheaper, and
   * it lets a JPEG be decoded reduced (`jpegMinSide`). "exact": the reference's arithmetic operation
   * for operation on a full-size decode, bit-identical to Meta's hasher on the same pixels, slower.
   */
  pdqMethod?: PdqMethod;
  /**
   * JPEG shrink-on-load, "separable" only ("exact" always decodes full size): a JPEG whose shorter side is at least 3x this is decoded
   * by libjpeg at 1/2, 1/4 or 1/8 scale (in the DCT domain: it skips most of the inverse transform),
   * resampled so its shorter side stays >= this, and hashed with the reference's filter for its full
   * size. Hashes stay within a few bits of Meta's full-size reference (bench/results/image.md).
   * Other formats are always hashed at full size. Default 200; 0 = decode every JPEG at full size.
   */
  jpegMinSide?: number;
  /**
   * Worker threads that run the PDQ maths, so hashing overlaps libvips' decoding. Started on first use;
   * idle ones never keep the process alive; `close()` stops them. Default 2; 0 = hash on the calling thread.
   */
  hashWorkers?: number;
  /** Distinct image contents whose results are kept (content-hash cache). Default 4096. */
  cacheSize?: number;
  /**
   * TEST ONLY. Permits connecting to a private/loopback address when it returns true. Production
   * code never sets it; it exists so tests can serve images from 127.0.0.1.
   */
  unsafeAllowPrivateAddress?: (address: string, host: string) => boolean;
}

export type ResolvedOptions = Required<Omit<ImageInputOptions, "unsafeAllowPrivateAddress">> &
  Pick<ImageInputOptions, "unsafeAllowPrivateAddress">;

export const DEFAULT_OPTIONS = {
  allowFile: false,
  timeoutMs: 10_000,
  maxBytes: 20 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxRedirects: 3,
  cacheSize: 4096,
  pdqMethod: "separable",
  jpegMinSide: 200,
  hashWorkers: 2,
} as const;
