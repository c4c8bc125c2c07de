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
   * Speed over exactness: when set, an image whose shorter side is at least twice this is reduced by
   * sharp by a power of two (JPEG: while decoding) before PDQ, keeping the shorter side >= this.
   * Several times faster on large photos; hashes then differ from Meta's reference by a few bits
   * (see bench/results/image.md). Default 0: off, full resolution, reference-exact.
   */
  prescaleTo?: number;
  /**
   * JPEG shrink-on-load: a JPEG whose shorter side is at least 3x this is decoded by libjpeg at 1/2,
   * 1/4 or 1/8 scale (in the DCT domain, much cheaper than a full decode), then resampled so its
   * shorter side stays >= this. Hashes stay within a few bits of Meta's full-size reference (see
   * bench/results/image.md). PNGs and other formats are always hashed at full resolution (bit-exact).
   * Default 512; 0 = decode every JPEG at full resolution.
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
  prescaleTo: 0,
  jpegMinSide: 512,
  hashWorkers: 2,
} as const;
