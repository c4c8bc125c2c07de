import type { EnrichedAd, Layer, ResolvedAd } from "@nexus/schemas";
import { analyze, guessLanguage, type Language } from "@nexus/search-index";
import { countryKey, foldKey } from "./fold.js";
import { isPdqHex } from "./hamming.js";

/** An ad as the indexer takes it: what the pipeline knows after extraction, hashing and resolution. */
export interface EsAdInput {
  readonly adId: string;
  readonly source: string;
  readonly url?: string;
  readonly title?: string;
  readonly body: string;
  /** Stemming language; guessed from the text when absent (and stored, so highlights agree). */
  readonly language?: Language;
  readonly country?: string;
  readonly city?: string;
  /** ISO 8601. */
  readonly postedAt?: string;
  /** E.164. */
  readonly phones?: readonly string[];
  readonly emails?: readonly string[];
  /** `platform:handle`. */
  readonly handles?: readonly string[];
  readonly personaId?: string;
  readonly networkId?: string;
  /** PDQ hashes (64 hex) of the ad's usable images. */
  readonly pdq?: readonly string[];
}

/** The `_source` of an ad in `nexus-ads-v1`. */
export interface EsAdDocument {
  readonly adId: string;
  readonly source: string;
  readonly source_key: string;
  readonly url?: string;
  readonly title?: string;
  readonly body: string;
  readonly language: Language;
  readonly title_analyzed: string;
  readonly text_analyzed: string;
  readonly country?: string;
  readonly city?: string;
  readonly city_key?: string;
  readonly postedAt?: string;
  readonly phones: string[];
  readonly emails: string[];
  readonly handles: string[];
  readonly hasPhone: boolean;
  readonly personaId?: string;
  readonly networkId?: string;
  readonly pdq: string[];
  readonly images: { readonly pdq: string; readonly vector: string }[];
}

/** An entity (persona or network) as the entities index stores it. */
export interface EsEntityDocument {
  readonly entityId: string;
  readonly layer: Layer;
  readonly adIds: readonly string[];
  readonly aliases?: readonly string[];
  readonly phones?: readonly string[];
  readonly emails?: readonly string[];
  readonly handles?: readonly string[];
  readonly cities?: readonly string[];
  readonly countries?: readonly string[];
  readonly personaIds?: readonly string[];
  /** ISO 8601. */
  readonly updatedAt: string;
}

/** What an absorbed entity id becomes after a merge (or a split part that lost its id): a pointer. */
export interface EsEntityRedirect {
  readonly entityId: string;
  readonly layer: Layer;
  readonly redirectTo: string;
  readonly updatedAt: string;
}

function unique(values: readonly string[] | undefined): string[] {
  return [...new Set(values ?? [])];
}

/** Optional properties are left out rather than set to undefined (exactOptionalPropertyTypes). */
function present<T extends object>(value: { [K in keyof T]-?: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Analyse in Nexus and build the stored document: `*_analyzed` hold the terms space-joined for a
 * whitespace-analysed field, `title`/`body` keep the original text for highlighting.
 */
export function toAdDocument(ad: EsAdInput): EsAdDocument {
  const text = ad.title === undefined ? ad.body : `${ad.title}\n${ad.body}`;
  const language = ad.language ?? guessLanguage(text);
  const pdq = unique(ad.pdq?.map((h) => h.toLowerCase()).filter(isPdqHex));
  const phones = unique(ad.phones);
  return present<EsAdDocument>({
    adId: ad.adId,
    source: ad.source,
    source_key: foldKey(ad.source),
    url: ad.url,
    title: ad.title,
    body: ad.body,
    language,
    title_analyzed: analyze(ad.title ?? "", { language }).join(" "),
    text_analyzed: analyze(text, { language }).join(" "),
    country: ad.country === undefined ? undefined : countryKey(ad.country),
    city: ad.city,
    city_key: ad.city === undefined ? undefined : foldKey(ad.city),
    postedAt: ad.postedAt,
    phones,
    emails: unique(ad.emails?.map((e) => e.toLowerCase())),
    handles: unique(ad.handles?.map((h) => h.toLowerCase())),
    hasPhone: phones.length > 0,
    personaId: ad.personaId,
    networkId: ad.networkId,
    pdq,
    images: pdq.map((h) => ({ pdq: h, vector: h })),
  });
}

/** Meta's guidance: hashes of quality below 50 are too flat to match on. */
export const MIN_PDQ_QUALITY = 50;

/** The indexer input for a pipeline ad, with its persona/network when resolution has placed it. */
export function adInputFromEnriched(enriched: EnrichedAd, resolved?: ResolvedAd): EsAdInput {
  const { ad, extraction } = enriched;
  const language = extraction.language === "und" ? undefined : extraction.language;
  return present<EsAdInput>({
    adId: enriched.id,
    source: ad.source,
    url: ad.url,
    title: ad.title,
    body: ad.body,
    language,
    country: ad.country,
    city: ad.city,
    postedAt: ad.postedAt,
    phones: extraction.phones.map((p) => p.e164),
    emails: extraction.emails.map((e) => e.value),
    handles: extraction.handles.map((h) => `${h.platform}:${h.value}`),
    personaId: resolved?.personaId,
    networkId: resolved?.networkId,
    pdq: enriched.images.flatMap((i) => (i.pdq !== undefined && (i.quality ?? 0) >= MIN_PDQ_QUALITY ? [i.pdq] : [])),
  });
}

/** The analysed alias text stored beside an entity, so entity search matches names like ads do. */
export function entitySource(doc: EsEntityDocument): Record<string, unknown> {
  const aliases = unique(doc.aliases);
  return {
    ...doc,
    aliases,
    aliases_analyzed: aliases.flatMap((a) => analyze(a)).join(" "),
    cities: unique(doc.cities),
    city_keys: unique(doc.cities?.map(foldKey)),
    countries: unique(doc.countries?.map(countryKey)),
  };
}
