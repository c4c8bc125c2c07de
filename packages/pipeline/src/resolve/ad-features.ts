import type { AdFeatures } from "@nexus/resolution";
import type { EnrichedAd } from "@nexus/schemas";
import { adText } from "../extract/extract-ad.js";

const unique = (values: readonly string[]): string[] => [...new Set(values)].sort();

/** What resolution needs of an enriched ad: identifiers, photo hashes, text and weak attributes. */
export function toAdFeatures(enriched: EnrichedAd): AdFeatures {
  const { ad, extraction } = enriched;
  // The dihedral hashes let a flipped or rotated re-post match the original.
  const photos = enriched.images.flatMap((image) =>
    image.pdq !== undefined && image.quality !== undefined
      ? [{ pdq: image.pdq, quality: image.quality, ...(image.dihedral ? { dihedral: [...image.dihedral] } : {}) }]
      : [],
  );
  return {
    adId: ad.id,
    source: ad.source,
    ...(ad.postedAt === undefined ? {} : { postedAt: ad.postedAt }),
    ...(ad.country === undefined ? {} : { country: ad.country }),
    ...(ad.city === undefined ? {} : { city: ad.city }),
    phones: unique(extraction.phones.map((phone) => phone.e164)),
    emails: unique(extraction.emails.map((email) => email.value)),
    handles: unique(extraction.handles.map((handle) => `${handle.platform}:${handle.value}`)),
    photos,
    text: adText(ad),
    names: unique(extraction.names.map((name) => name.value)),
    ages: [...new Set(extraction.ages.map((age) => age.value))].sort((a, b) => a - b),
  };
}
