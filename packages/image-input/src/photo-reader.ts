import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { NexusError } from "@nexus/errors";
import sharp from "sharp";
import { DEFAULT_OPTIONS, type ImageInputOptions } from "./options.js";
import { safeFetch, systemResolveHost, tooLarge } from "./safe-fetch.js";

/** Where a stored photo's bytes are, and the SHA-256 recorded when it was hashed at import. */
export interface StoredPhotoRef {
  readonly source: { url: string } | { data: string };
  readonly sha256?: string;
}

export interface RenderedPhoto {
  readonly bytes: Buffer;
  readonly contentType: "image/jpeg";
}

export interface PhotoReader {
  /**
   * Reads a stored photo and re-encodes it as a JPEG of at most `maxSide` pixels, without metadata
   * (no EXIF location reaches a browser). http(s) goes through the SSRF-guarded fetch; a local file
   * is served only when `allowFile` and its bytes still have the SHA-256 recorded at import, so a
   * stored `file://` reference cannot be turned into a reader of arbitrary files.
   */
  render(ref: StoredPhotoRef, maxSide: number): Promise<RenderedPhoto>;
}

export function createPhotoReader(options: ImageInputOptions = {}): PhotoReader {
  const opts = { ...DEFAULT_OPTIONS, resolveHost: systemResolveHost, ...options };

  async function readLocal(url: string, sha256: string | undefined): Promise<Buffer> {
    if (!opts.allowFile) throw new NexusError("NEXUS_IMAGE_DISABLED", "file:// photos are disabled");
    if (!sha256) throw new NexusError("NEXUS_IMAGE_BLOCKED", "a local photo is served only when its hash was recorded");
    let bytes: Buffer;
    try {
      const path = fileURLToPath(url);
      const info = await stat(path);
      if (!info.isFile()) throw new NexusError("NEXUS_IMAGE_BLOCKED", "not a regular file");
      if (info.size > opts.maxBytes) throw tooLarge(info.size, opts.maxBytes);
      bytes = await readFile(path);
    } catch (cause) {
      if (cause instanceof NexusError) throw cause;
      throw new NexusError("NEXUS_IMAGE_FETCH", "the stored photo cannot be read", { cause });
    }
    if (createHash("sha256").update(bytes).digest("hex") !== sha256) {
      throw new NexusError("NEXUS_IMAGE_BLOCKED", "the file no longer holds the photo that was imported");
    }
    return bytes;
  }

  async function bytesOf(ref: StoredPhotoRef): Promise<Buffer> {
    if ("data" in ref.source) return Buffer.from(ref.source.data, "base64");
    const { url } = ref.source;
    if (/^file:/i.test(url)) return readLocal(url, ref.sha256);
    const signal = AbortSignal.timeout(opts.timeoutMs);
    return safeFetch(url, opts, signal);
  }

  return {
    async render(ref, maxSide) {
      const bytes = await bytesOf(ref);
      if (bytes.length > opts.maxBytes) throw tooLarge(bytes.length, opts.maxBytes);
      try {
        const output = await sharp(bytes, { limitInputPixels: opts.maxPixels, failOn: "error" })
          .rotate()
          .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true })
          .jpeg({ quality: 80 })
          .timeout({ seconds: Math.max(1, Math.ceil(opts.timeoutMs / 1000)) })
          .toBuffer();
        return { bytes: output, contentType: "image/jpeg" };
      } catch (cause) {
        throw new NexusError("NEXUS_IMAGE_DECODE", "the stored photo cannot be decoded", { cause });
      }
    },
  };
}
