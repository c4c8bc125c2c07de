import { toNexusError } from "@nexus/errors";
import type { EnrichedAd, ExtractedAd, ImageRef, ImageResult } from "@nexus/schemas";

export interface HashedImage {
  readonly pdq: string;
  readonly quality: number;
  readonly dihedral: readonly string[];
  readonly width: number;
  readonly height: number;
  readonly sha256: string;
}

/** The imagehash stage's one port: fetch (safely), decode and hash one image. */
export interface ImageHasherPort {
  hash(ref: ImageRef): Promise<HashedImage>;
}

function describeRef(ref: ImageRef, hashed?: HashedImage): string {
  if ("url" in ref) return ref.url;
  return hashed ? `sha256:${hashed.sha256}` : "inline";
}

async function hashOne(ref: ImageRef, index: number, hasher: ImageHasherPort): Promise<ImageResult> {
  try {
    const hashed = await hasher.hash(ref);
    return {
      index,
      ref: describeRef(ref, hashed),
      sha256: hashed.sha256,
      pdq: hashed.pdq,
      quality: hashed.quality,
      dihedral: hashed.dihedral as ImageResult["dihedral"] & string[],
      width: hashed.width,
      height: hashed.height,
    };
  } catch (thrown) {
    // An image that cannot be had is recorded on the ad with its reason; the ad goes on.
    const error = toNexusError(thrown, "NEXUS_IMAGE_DECODE");
    return { index, ref: describeRef(ref), error: { code: error.code, message: error.message } };
  }
}

/** imagehash stage: adds the perceptual hashes (or the failure reasons) of an ad's images. */
export async function enrichAd(extracted: ExtractedAd, hasher: ImageHasherPort): Promise<EnrichedAd> {
  const refs = extracted.ad.images ?? [];
  const images = await Promise.all(refs.map((ref, index) => hashOne(ref, index, hasher)));
  return { id: extracted.id, ad: extracted.ad, extraction: extracted.extraction, images };
}
