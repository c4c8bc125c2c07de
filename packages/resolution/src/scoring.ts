import { countKept, jaccard, nameSimilarity } from "@nexus/text-sim";
import { type AdRecord, contactKind } from "./ad-record.js";
import type { ResolutionConfig } from "./config.js";
import { photoDistance } from "./photo-distance.js";
import type { Evidence } from "./types.js";

/** What scoring needs to know about generic values; the resolver's indexes provide it. */
export interface ScoringContext {
  readonly config: ResolutionConfig;
  isContactGeneric(key: string): boolean;
  isPhotoGeneric(nodeId: number): boolean;
  readonly genericPhrases: { has(hash: number): boolean };
}

export interface PairScore {
  /** Total bits: decides the network layer. */
  readonly score: number;
  /** Contacts capped at personaContactCap: decides the persona layer. */
  readonly personaScore: number;
  readonly evidence: Evidence[];
}

const DAY_MS = 86_400_000;
const round = (value: number): number => Math.round(value * 100) / 100;

function contactEvidence(a: AdRecord, b: AdRecord, context: ScoringContext, out: Evidence[]): number {
  let total = 0;
  const other = new Set(b.contacts);
  for (const key of a.contacts) {
    if (!other.has(key)) continue;
    const kind = contactKind(key);
    const value = key.slice(kind.length + 1);
    if (context.isContactGeneric(key)) {
      out.push({ kind, value, weight: 0, detail: "generic value, demoted" });
      continue;
    }
    const weight = context.config.weights[kind];
    total += weight;
    out.push({ kind, value, weight });
  }
  return total;
}

function photoEvidence(a: AdRecord, b: AdRecord, context: ScoringContext, out: Evidence[]): number {
  const { config } = context;
  let best: { distance: number; pdq: string } | undefined;
  let genericSeen: string | undefined;
  for (const x of a.photos) {
    for (const y of b.photos) {
      const distance = photoDistance(x, y);
      if (distance > config.photoMaxDistance) continue;
      if (context.isPhotoGeneric(x.node) || context.isPhotoGeneric(y.node)) genericSeen = x.pdq;
      else if (best === undefined || distance < best.distance) best = { distance, pdq: x.pdq };
    }
  }
  if (best === undefined) {
    if (genericSeen !== undefined)
      out.push({ kind: "photo", value: genericSeen, weight: 0, detail: "generic photo, demoted" });
    return 0;
  }
  const { photoExact, photoAtMax } = config.weights;
  const weight = round(photoExact - ((photoExact - photoAtMax) * best.distance) / config.photoMaxDistance);
  out.push({ kind: "photo", value: best.pdq, weight, detail: `PDQ distance ${best.distance}` });
  return weight;
}

/** Text similarity splits into agreement (counts for both layers) and disagreement (a persona claim). */
function textEvidence(a: AdRecord, b: AdRecord, context: ScoringContext, out: Evidence[]): [number, number] {
  const { config, genericPhrases } = context;
  const minimum = config.textMinShingles;
  if (countKept(a.shingles, genericPhrases) < minimum || countKept(b.shingles, genericPhrases) < minimum) return [0, 0];
  const similarity = jaccard(a.shingles, b.shingles, genericPhrases);
  const detail = `shingle Jaccard ${similarity.toFixed(2)}`;
  if (similarity < config.textDisagreeJaccard) {
    out.push({ kind: "text", weight: config.weights.textDisagree, detail });
    return [0, config.weights.textDisagree];
  }
  if (similarity < config.textMinJaccard) return [0, 0];
  const weight = round((config.weights.textMax * (similarity - config.textMinJaccard)) / (1 - config.textMinJaccard));
  out.push({ kind: "text", weight, detail });
  return [weight, 0];
}

function nameEvidence(a: AdRecord, b: AdRecord, config: ResolutionConfig, out: Evidence[]): number {
  if (a.names.length === 0 || b.names.length === 0) return 0;
  for (const x of a.names) {
    for (const y of b.names) {
      if (nameSimilarity(x, y) >= config.nameAgreeSimilarity) {
        out.push({ kind: "name", value: x === y ? x : `${x} ~ ${y}`, weight: config.weights.nameAgree });
        return config.weights.nameAgree;
      }
    }
  }
  const detail = `${a.names.join("/")} vs ${b.names.join("/")}`;
  out.push({ kind: "name", weight: config.weights.nameDisagree, detail });
  return config.weights.nameDisagree;
}

function ageEvidence(a: AdRecord, b: AdRecord, config: ResolutionConfig, out: Evidence[]): number {
  if (a.ages.length === 0 || b.ages.length === 0) return 0;
  let closest = Number.POSITIVE_INFINITY;
  for (const x of a.ages) for (const y of b.ages) closest = Math.min(closest, Math.abs(x - y));
  if (closest <= 1) {
    out.push({ kind: "age", weight: config.weights.ageAgree, detail: `ages within ${closest}` });
    return config.weights.ageAgree;
  }
  if (closest <= 3) return 0;
  out.push({ kind: "age", weight: config.weights.ageDisagree, detail: `ages ${closest} apart` });
  return config.weights.ageDisagree;
}

function placeTimeEvidence(a: AdRecord, b: AdRecord, config: ResolutionConfig, out: Evidence[]): number {
  const { weights } = config;
  let total = 0;
  if (a.country && b.country && a.country !== b.country) {
    out.push({ kind: "city", weight: weights.countryDisagree, detail: `countries ${a.country} vs ${b.country}` });
    total += weights.countryDisagree;
  } else if (a.city && b.city) {
    const same = a.city === b.city;
    const weight = same ? weights.cityAgree : weights.cityDisagree;
    out.push({ kind: "city", weight, detail: same ? a.city : `${a.city} vs ${b.city}` });
    total += weight;
  }
  if (a.postedAtMs !== undefined && b.postedAtMs !== undefined) {
    const days = Math.abs(a.postedAtMs - b.postedAtMs) / DAY_MS;
    if (days <= config.timeCloseDays) {
      out.push({ kind: "time", weight: weights.timeClose, detail: `${Math.round(days)} days apart` });
      total += weights.timeClose;
    }
  }
  return total;
}

/**
 * Fellegi–Sunter style: the sum of per-field log2 likelihood ratios. Generic values are listed with
 * weight 0 so an explanation shows what no longer counts. The persona score caps contacts, because a
 * shared phone says "same controller" far more reliably than "same person"; name and age
 * disagreement (negative weights) count at the network layer only when no contact is shared.
 */
export function scorePair(a: AdRecord, b: AdRecord, context: ScoringContext): PairScore {
  const { config } = context;
  const evidence: Evidence[] = [];
  const contacts = contactEvidence(a, b, context, evidence);
  const [textAgreement, textDisagreement] = textEvidence(a, b, context, evidence);
  const personal = photoEvidence(a, b, context, evidence) + textAgreement + placeTimeEvidence(a, b, config, evidence);
  const profile = nameEvidence(a, b, config, evidence) + ageEvidence(a, b, config, evidence) + textDisagreement;
  // Personas of one network differ in name, age and wording by design, so with a shared contact
  // disagreement only counts against "same persona". Without one, photo and text can only mean
  // "same person", and disagreement contradicts that (a stock photo, a copied text).
  const network = contacts > 0 ? Math.max(profile, 0) : profile;
  return {
    score: round(contacts + personal + network),
    personaScore: round(Math.min(contacts, config.personaContactCap) + personal + profile),
    evidence,
  };
}
