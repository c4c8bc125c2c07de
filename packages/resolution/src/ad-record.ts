import { normalizeForSimilarity, normalizeName, shingleSet } from "@nexus/text-sim";
import type { ResolutionConfig } from "./config.js";
import { type PhotoHashes, parseVariants } from "./photo-distance.js";
import type { AdFeatures } from "./types.js";

/** Contact identifiers become keys "phone:+502…", "email:…", "handle:platform:value". */
export type ContactKind = "phone" | "email" | "handle";

export interface AdPhoto extends PhotoHashes {
  /** Node id in the photo table. */
  node: number;
}

/** What the resolver keeps per ad: normalised features plus the arrival sequence number. */
export interface AdRecord {
  readonly seq: number;
  readonly adId: string;
  readonly source: string;
  readonly postedAtMs: number | undefined;
  readonly country: string;
  readonly city: string;
  /** Sorted, unique contact keys. */
  readonly contacts: readonly string[];
  readonly photos: AdPhoto[];
  readonly shingles: Uint32Array;
  readonly shingleTexts: readonly string[];
  readonly names: readonly string[];
  readonly ages: readonly number[];
  /** LSH band keys currently registered for this ad (they change when phrases are demoted). */
  bandKeys: string[];
  /** Non-boilerplate shingles when the band keys were computed. */
  registeredShingles: number;
}

export function contactKey(kind: ContactKind, value: string): string {
  return `${kind}:${value}`;
}

export function contactKind(key: string): ContactKind {
  return key.slice(0, key.indexOf(":")) as ContactKind;
}

function contactKeys(features: AdFeatures): string[] {
  const keys = new Set<string>();
  for (const phone of features.phones) if (phone.trim()) keys.add(contactKey("phone", phone.trim()));
  for (const email of features.emails) if (email.trim()) keys.add(contactKey("email", email.trim().toLowerCase()));
  for (const handle of features.handles) if (handle.trim()) keys.add(contactKey("handle", handle.trim().toLowerCase()));
  return [...keys].sort();
}

function parseTime(postedAt: string | undefined): number | undefined {
  if (postedAt === undefined) return undefined;
  const ms = Date.parse(postedAt);
  return Number.isNaN(ms) ? undefined : ms;
}

const PDQ_HEX = /^[0-9a-f]{64}$/;

/** Normalises one ad's features. Photos below the quality gate or malformed are dropped here. */
export function toAdRecord(features: AdFeatures, seq: number, config: ResolutionConfig): AdRecord {
  const shingles = shingleSet(features.text);
  const photos = new Map<string, AdPhoto>();
  for (const photo of features.photos) {
    const pdq = photo.pdq.toLowerCase();
    if (photo.quality < config.photoMinQuality || !PDQ_HEX.test(pdq)) continue;
    const variants = new Set([pdq]);
    for (const variant of photo.dihedral ?? [])
      if (PDQ_HEX.test(variant.toLowerCase())) variants.add(variant.toLowerCase());
    photos.set(pdq, { pdq, variants: [...variants], words: parseVariants([...variants]), node: -1 });
  }
  const names = new Set<string>();
  for (const name of features.names) {
    const normalized = normalizeName(name);
    if (normalized) names.add(normalized);
  }
  return {
    seq,
    adId: features.adId,
    source: features.source,
    postedAtMs: parseTime(features.postedAt),
    country: (features.country ?? "").trim().toUpperCase(),
    city: normalizeForSimilarity(features.city ?? ""),
    contacts: contactKeys(features),
    photos: [...photos.values()],
    shingles: shingles.hashes,
    shingleTexts: shingles.texts,
    names: [...names].sort(),
    ages: [...new Set(features.ages.filter((age) => Number.isFinite(age)))].sort((x, y) => x - y),
    bandKeys: [],
    registeredShingles: 0,
  };
}
