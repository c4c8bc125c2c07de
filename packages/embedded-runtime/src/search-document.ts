import type { EnrichedAd } from "@nexus/schemas";
import type { SearchDocument } from "@nexus/search-index";

/** What the local full-text index holds of an ad. */
export function toSearchDocument(enriched: EnrichedAd): SearchDocument {
  const { ad, extraction } = enriched;
  const language = extraction.language === "und" ? undefined : extraction.language;
  return {
    id: ad.id,
    body: ad.body,
    phones: [...new Set(extraction.phones.map((phone) => phone.e164))],
    source: ad.source,
    ...(ad.title === undefined ? {} : { title: ad.title }),
    ...(language === undefined ? {} : { language }),
    ...(ad.country === undefined ? {} : { country: ad.country }),
    ...(ad.city === undefined ? {} : { city: ad.city }),
    ...(ad.postedAt === undefined ? {} : { postedAt: ad.postedAt }),
  };
}
