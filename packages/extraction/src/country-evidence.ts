/**
 * Which country an ad is from, weighed from every signal it carries: its `country` and `city` fields
 * (either may be absent or wrong), site and section names and country-code TLDs of its URL, source and
 * links, city, region and country names in the text, calling codes written elsewhere in it, currencies,
 * and its language. The result orders the calling codes a number without one is read under.
 */
import { callingCodeOf } from "./calling-plans.js";
import {
  addCallingCodes,
  addCurrencies,
  addSite,
  countriesBy,
  hostAndPath,
  Tally,
  TEXT_CAP,
  tldCountry,
  WEIGHT,
} from "./evidence-signals.js";
import { findPlaceNames, type Place, placesOfField, populationOf } from "./gazetteer.js";

let byLanguage: Map<string, string[]> | undefined;

export interface AdSignals {
  country?: string;
  city?: string;
  source?: string;
  url?: string;
}

export interface CodeEvidence {
  code: string;
  weight: number;
  signals: string[];
  /** The countries of the code the evidence names; absent when it names the code itself ("+44"). */
  countries?: string[];
}

export interface CountryEvidence {
  /** The country numbers without a calling code are read in first: the field's, unless outweighed. */
  adCountry?: string;
  adCode?: string;
  /** The ad country is the `country` field (rule "ad-country") rather than inferred ("inferred-country"). */
  fromField: boolean;
  /** The signals behind the ad country (those known when it was decided). */
  adSignals: readonly string[];
  /**
   * Calling codes with enough evidence to read a number under, strongest first (the ad code
   * included). Computed on first call: when the field decides the ad country, the text's place
   * names are read only if a number is not valid under the ad's own code.
   */
  codes(): readonly CodeEvidence[];
  /** Weak weight of the text's language per calling code; it orders otherwise equal readings. */
  language: ReadonlyMap<string, number>;
  /** The text's language, and the calling codes of the big markets that speak it, biggest first. */
  spoken?: { language: string; codes: readonly string[] };
}

/** Evidence below this makes no calling code a candidate (language alone never does). */
export const CANDIDATE_MIN = 0.5;
// The field loses the ad country only to clearly stronger evidence for another.
const FIELD_MARGIN = 1.5;
// Countries whose cities add up to fewer people are not markets a language alone points to.
const MARKET_POPULATION = 2_000_000;

export interface EvidenceInput {
  /** Folded text. */
  text: string;
  signals: AdSignals;
  language: "es" | "en" | "und";
  /** Folded URLs and email addresses found in the text. */
  links: readonly string[];
  /** Folded ranges of advertised names ("I'm Sydney"): not place names. */
  names: readonly { from: number; to: number }[];
}

// Ads name places of their own country far more often than namesakes elsewhere: a name that is also
// a place in the ad's country weighs this many times its population there ("Valencia" in a VE ad is
// Valencia, VE; "Manchester" in a US ad may still be the English one, ten times bigger).
const OWN_COUNTRY_BOOST = 10;

/** The places a name may be, reweighed for the ad's country field. */
function inCountry(places: readonly Place[], country: string | undefined): readonly Place[] {
  if (!country || !places.some((p) => p.country === country)) return places;
  const weight = (p: Place) => p.share * (p.country === country ? OWN_COUNTRY_BOOST : 1);
  const total = places.reduce((acc, p) => acc + weight(p), 0);
  return places.map((p) => ({ ...p, share: weight(p) / total }));
}

/** Every signal but the text's place names. */
function cheapTally(input: EvidenceInput): Tally {
  const tally = new Tally();
  const { signals } = input;
  const field = signals.country;
  if (field) tally.add(field, WEIGHT.field, `country-field:${field}`);
  if (signals.city)
    tally.places(inCountry(placesOfField(signals.city), field), WEIGHT.cityField, (p) => `city-field:${p.name}`);
  addSite(tally, signals.url);
  addSite(tally, signals.source);
  for (const link of input.links) {
    const country = tldCountry(hostAndPath(link.replace(/^[^@]*@/, "")).host);
    if (country) tally.add(country, WEIGHT.textTld, `text-tld:.${country.toLowerCase()}`);
  }
  addCallingCodes(tally, input.text);
  addCurrencies(tally, input.text);
  return tally;
}

/** City, region and country names in the text (the costliest signal to read). */
function addPlaces(tally: Tally, input: EvidenceInput): void {
  const field = input.signals.country;
  for (const hit of findPlaceNames(input.text)) {
    if (input.names.some((n) => n.from < hit.to && hit.from < n.to)) continue;
    const weight = (p: Place) =>
      p.kind === "city" ? WEIGHT.city : p.kind === "region" ? WEIGHT.region : WEIGHT.country;
    for (const p of inCountry(hit.places, field))
      tally.add(p.country, weight(p) * p.share, `${p.kind === "country" ? "country-name" : p.kind}:${p.name}`, true);
  }
}

/** True when no place name could make another country outweigh the field (text names are capped). */
function fieldDecides(tally: Tally, field: string): boolean {
  const own = (tally.weights.get(field) ?? 0) + FIELD_MARGIN;
  for (const [key, weight] of tally.weights)
    if (!key.startsWith("+") && key !== field && weight + TEXT_CAP > own) return false;
  return true;
}

/** Sums the countries' evidence per calling code ("+1" gathers US, CA, DO, ...). */
function byCode(tally: Tally): Map<string, CodeEvidence> {
  const out = new Map<string, CodeEvidence>();
  const wholeCodes = new Set<string>();
  for (const [key, weight] of tally.weights) {
    const code = key.startsWith("+") ? key.slice(1) : callingCodeOf(key);
    if (!code) continue;
    const entry = out.get(code) ?? { code, weight: 0, signals: [], countries: [] };
    entry.weight += weight;
    entry.signals.push(...(tally.signals.get(key) ?? []));
    if (key.startsWith("+")) wholeCodes.add(code);
    else entry.countries?.push(key);
    out.set(code, entry);
  }
  for (const code of wholeCodes) delete out.get(code)?.countries;
  return out;
}

const weightsCache = new Map<string, Map<string, number>>();

/** The language's weight for each calling code where it is spoken. */
export function languageWeights(language: string): ReadonlyMap<string, number> {
  const cached = weightsCache.get(language);
  if (cached) return cached;
  const out = new Map<string, number>();
  weightsCache.set(language, out);
  if (language === "und") return out;
  byLanguage ??= countriesBy("languages");
  for (const country of byLanguage.get(language) ?? []) {
    const code = callingCodeOf(country);
    if (code) out.set(code, WEIGHT.language);
  }
  return out;
}

const spokenCache = new Map<string, readonly string[]>();

/** Calling codes of the big countries where `language` is spoken, biggest first. */
export function spokenIn(language: string): readonly string[] {
  let codes = spokenCache.get(language);
  if (!codes) {
    byLanguage ??= countriesBy("languages");
    const markets = (byLanguage.get(language) ?? [])
      .filter((c) => populationOf(c) >= MARKET_POPULATION)
      .sort((a, b) => populationOf(b) - populationOf(a));
    codes = [...new Set(markets.flatMap((c) => callingCodeOf(c) ?? []))];
    spokenCache.set(language, codes);
  }
  return codes;
}

function strongestCountry(tally: Tally, except?: string): [string, number] | undefined {
  let best: [string, number] | undefined;
  for (const [key, weight] of tally.weights) {
    if (key.startsWith("+") || key === except) continue;
    if (!best || weight > best[1]) best = [key, weight];
  }
  return best;
}

/** Weighs the ad's signals; see the module comment. */
export function inferCountry(input: EvidenceInput): CountryEvidence {
  const tally = cheapTally(input);
  const field = input.signals.country;
  const lazy = field !== undefined && callingCodeOf(field) !== undefined && fieldDecides(tally, field);
  if (!lazy) addPlaces(tally, input);
  const rival = strongestCountry(tally, field);
  let adCountry: string | undefined;
  let fromField = false;
  if (field && callingCodeOf(field) && !(rival && rival[1] > (tally.weights.get(field) ?? 0) + FIELD_MARGIN)) {
    adCountry = field;
    fromField = true;
  } else if (rival && rival[1] >= WEIGHT.region) {
    adCountry = rival[0];
  }
  const adCode = adCountry ? callingCodeOf(adCountry) : undefined;
  const adSignals = (adCode && byCode(tally).get(adCode)?.signals) || [];
  let codes: CodeEvidence[] | undefined;
  const allCodes = (): readonly CodeEvidence[] => {
    if (!codes) {
      if (lazy) addPlaces(tally, input);
      codes = [...byCode(tally).values()]
        .filter((c) => c.weight >= CANDIDATE_MIN || c.code === adCode)
        .sort((a, b) => (a.code === adCode ? -1 : b.code === adCode ? 1 : b.weight - a.weight));
    }
    return codes;
  };
  return {
    ...(adCountry ? { adCountry } : {}),
    ...(adCode ? { adCode } : {}),
    fromField,
    adSignals,
    codes: allCodes,
    language: languageWeights(input.language),
    ...(input.language === "und" ? {} : { spoken: { language: input.language, codes: spokenIn(input.language) } }),
  };
}
