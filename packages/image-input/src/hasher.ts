import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { NexusError } from "@nexus/errors";
import { pdqHashDihedral } from "@nexus/image-hash";
import { createContentCache } from "./content-cache.js";
import { decodeAndHash, type PixelHasher } from "./decode.js";
import { createHashPool } from "./hash-pool.js";
import { DEFAULT_OPTIONS, type ImageInputOptions, type ResolvedOptions } from "./options.js";
import { safeFetch, systemResolveHost, tooLarge } from "./safe-fetch.js";

export interface ImageHashResult {
  /** PDQ hash, 64 hex characters. */
  pdq: string;
  /** PDQ quality 0..100; below 50 do not match on it. */
  quality: number;
  /** The 8 dihedral hashes in the reference's order (original, rot90, rot180, rot270, flipX, flipY, flip+1, flip-1). */
  dihedral: string[];
  width: number;
  height: number;
  /** SHA-256 of the encoded bytes (the content-cache key). */
  sha256: string;
}

export type ImageSource = { url: string } | { data: string };

export interface ImageHasher {
  hash(source: ImageSource): Promise<ImageHashResult>;
  hashFile(path: string): Promise<ImageHashResult>;
  /** Images actually decoded vs served from the content-hash cache. */
  readonly stats: { readonly decoded: number; readonly cacheHits: number };
  /**
   * Stops the hash worker threads; later calls reject. Optional for short-lived processes: idle
   * workers do not keep a process alive.
   */
  close(): Promise<void>;
}

/** Creates a hasher that reads images under the safety limits in {@link ImageInputOptions}. */
export function createImageHasher(options: ImageInputOptions = {}): ImageHasher {
  const opts: ResolvedOptions = { ...DEFAULT_OPTIONS, resolveHost: systemResolveHost, ...options };
  const cache = createContentCache<Omit<ImageHashResult, "sha256">>(opts.cacheSize);
  const stats = { decoded: 0, cacheHits: 0 };
  const pool = opts.hashWorkers > 0 ? createHashPool({ size: opts.hashWorkers }) : undefined;
  const hashPixels: PixelHasher = pool ? (pixels, pdq) => pool.hash(pixels, pdq) : pdqHashDihedral;
  let closed = false;

  async function hashBytes(bytes: Buffer): Promise<ImageHashResult> {
    if (closed) throw new NexusError("NEXUS_IMAGE_DECODE", "the image hasher is closed");
    if (bytes.length > opts.maxBytes) throw tooLarge(bytes.length, opts.maxBytes);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const { value, hit } = await cache.getOrCompute(sha256, async () => {
      stats.decoded++;
      const result = await decodeAndHash(bytes, opts, hashPixels);
      return {
        pdq: result.hash,
        quality: result.quality,
        dihedral: result.dihedral,
        width: result.width,
        height: result.height,
      };
    });
    if (hit) stats.cacheHits++;
    return { ...value, dihedral: [...value.dihedral], sha256 };
  }

  async function readLocal(path: string): Promise<Buffer> {
    try {
      const info = await stat(path);
      if (info.size > opts.maxBytes) throw tooLarge(info.size, opts.maxBytes);
      return await readFile(path);
    } catch (cause) {
      if (cause instanceof NexusError) throw cause;
      throw new NexusError("NEXUS_IMAGE_FETCH", `cannot read ${path}`, { cause, details: { path } });
    }
  }

  async function fetchUrl(url: string): Promise<Buffer> {
    if (/^file:/i.test(url)) {
      if (!opts.allowFile)
        throw new NexusError("NEXUS_IMAGE_DISABLED", "file:// images are disabled", { details: { url } });
      return readLocal(fileURLToPath(url));
    }
    return withDeadline(opts.timeoutMs, (signal) => safeFetch(url, opts, signal));
  }

  return {
    hash(source) {
      if ("data" in source) {
        if (Math.floor((source.data.length * 3) / 4) > opts.maxBytes + 3) {
          return Promise.reject(tooLarge(Math.floor((source.data.length * 3) / 4), opts.maxBytes));
        }
        return hashBytes(Buffer.from(source.data, "base64"));
      }
      return fetchUrl(source.url).then(hashBytes);
    },
    async hashFile(path) {
      return hashBytes(await readLocal(path));
    },
    stats,
    async close() {
      closed = true;
      await pool?.close();
    },
  };
}

/** Runs `task` with an abort signal that fires after `ms`; any failure after that is a timeout. */
async function withDeadline<T>(ms: number, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new NexusError("NEXUS_IMAGE_TIMEOUT", `image fetch exceeded ${ms} ms`, { retryable: true }));
    }, ms);
  });
  try {
    return await Promise.race([task(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
