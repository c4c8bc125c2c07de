import { extractAd } from "@nexus/pipeline";
import type { AdResolution, EnrichedAd, EntityChange, RawAd } from "@nexus/schemas";

export interface AdSpec {
  readonly id: string;
  readonly body: string;
  readonly title?: string;
  readonly country?: string;
  readonly city?: string;
  readonly photos?: readonly { pdq: string; quality?: number }[];
  readonly networkId?: string;
  readonly personaId?: string;
  readonly changes?: readonly EntityChange[];
}

let seq = 0;

/** An ad as the resolver hands it on: extracted by the real extractor, photo hashes given. */
export function resolution(spec: AdSpec): AdResolution {
  const raw: RawAd = {
    id: spec.id,
    source: "test-site",
    body: spec.body,
    ...(spec.title ? { title: spec.title } : {}),
    ...(spec.country ? { country: spec.country } : {}),
    ...(spec.city ? { city: spec.city } : {}),
  };
  const extracted = extractAd(raw);
  const ad: EnrichedAd = {
    ...extracted,
    images: (spec.photos ?? []).map((photo, index) => ({
      index,
      ref: `img-${index}`,
      pdq: photo.pdq,
      quality: photo.quality ?? 100,
    })),
  };
  seq += 1;
  return {
    seq,
    ad,
    personaId: spec.personaId ?? `per_${spec.id}`,
    networkId: spec.networkId ?? `net_${spec.id}`,
    changes: [...(spec.changes ?? [])],
  };
}

/** A 64-hex hash with `bits` bits of `base` flipped, starting at bit `from`. */
export function flipBits(base: string, bits: number, from = 0): string {
  const bytes = Buffer.from(base, "hex");
  for (let i = from; i < from + bits; i += 1) bytes[i >> 3] = (bytes[i >> 3] ?? 0) ^ (0x80 >> (i & 7));
  return bytes.toString("hex");
}
