import { extractContacts } from "@nexus/extraction";
import type { ExtractedAd, Extraction, RawAd } from "@nexus/schemas";

/** The text extraction and similarity see: title and body, one per line, so offsets are stable. */
export function adText(ad: Pick<RawAd, "title" | "body">): string {
  return ad.title ? `${ad.title}\n${ad.body}` : ad.body;
}

/** extract stage: finds contacts and attributes in an ad's text. Pure and deterministic. */
export function extractAd(ad: RawAd): ExtractedAd {
  // Every field that tells where the ad is from weighs the country of its phone numbers.
  const found = extractContacts(adText(ad), {
    ...(ad.country ? { country: ad.country.toUpperCase() } : {}),
    ...(ad.city ? { city: ad.city } : {}),
    ...(ad.url ? { url: ad.url } : {}),
    source: ad.source,
  });
  const extraction: Extraction = {
    language: found.language,
    phones: found.phones,
    emails: found.emails,
    handles: found.handles,
    urls: found.urls,
    ages: found.ages,
    prices: found.prices,
    names: found.names,
    locations: found.locations,
  };
  return { id: ad.id, ad, extraction };
}
