/**
 * The signals an ad carries about its country, other than place names in its text: weights, the
 * tally they add up in, and the readers of URLs and sources (country TLDs, site sections), calling
 * codes written in the text, and currencies.
 */
import { countries } from "countries-list";
import { CALLING_CODES, leadingCallingCode } from "./calling-plans.js";
import { CURRENCY_WORDS } from "./currencies.js";
import type { Place } from "./gazetteer.js";
import { findPlaceNames } from "./gazetteer.js";

export const WEIGHT = {
  field: 3,
  cityField: 3,
  tld: 3,
  section: 2,
  textTld: 2,
  callingCode: 2,
  city: 1.5,
  region: 1,
  country: 1,
  currency: 1.5,
  language: 0.4,
} as const;
// Text names alone never add up to more than a field.
export const TEXT_CAP = 3;

// Country-code TLDs that sites use as generic names (".co", ".me", ".tv", ".io" ...).
const GENERIC_TLDS = new Set("co me io tv ws fm ly to cc la ai gg nu tk ml ga cf gq am sh ac so st eu su".split(" "));
const TLD_COUNTRY: Readonly<Record<string, string>> = { uk: "GB" };

// The currency words (not the "a$"-style markers, which a price already reads as dollars).
const CURRENCY = new RegExp(
  `(?:^|[^a-z])(${Object.keys(CURRENCY_WORDS)
    .filter((w) => /^[a-z]+$/.test(w))
    .join("|")})(?![a-z])`,
  "g",
);

let byCurrency: Map<string, string[]> | undefined;

export function countriesBy(field: "currency" | "languages"): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [code, data] of Object.entries(countries)) {
    for (const key of data[field] as readonly string[]) out.set(key, [...(out.get(key) ?? []), code]);
  }
  return out;
}

/** Weights and signals per country ("+44" for a calling code itself), text names capped. */
export class Tally {
  readonly weights = new Map<string, number>();
  readonly signals = new Map<string, string[]>();
  private readonly text = new Map<string, number>();

  add(country: string, weight: number, signal: string, fromText = false): void {
    let w = weight;
    if (fromText) {
      const used = this.text.get(country) ?? 0;
      w = Math.min(weight, TEXT_CAP - used);
      this.text.set(country, used + w);
    }
    if (w <= 0) return;
    this.weights.set(country, (this.weights.get(country) ?? 0) + w);
    const list = this.signals.get(country) ?? [];
    if (!list.includes(signal)) list.push(signal);
    this.signals.set(country, list);
  }

  places(places: readonly Place[], weight: number, signal: (p: Place) => string, fromText = false): void {
    for (const p of places) this.add(p.country, weight * p.share, signal(p), fromText);
  }
}

export function hostAndPath(value: string): { host: string; path: string } {
  const bare = value.toLowerCase().replace(/^[a-z]+:\/\//, "");
  const slash = bare.search(/[/?#]/);
  return slash < 0 ? { host: bare, path: "" } : { host: bare.slice(0, slash), path: bare.slice(slash) };
}

export function tldCountry(host: string): string | undefined {
  const labels = host.split(".").filter(Boolean);
  if (labels.length < 2) return undefined;
  const tld = labels[labels.length - 1] ?? "";
  if (GENERIC_TLDS.has(tld)) return undefined;
  const country = TLD_COUNTRY[tld] ?? tld.toUpperCase();
  return tld.length === 2 && country in countries ? country : undefined;
}

type SiteSignal = readonly [country: string, weight: number, signal: string];

// Ads of one site share its host and sections: what a URL says is computed once per shape.
const siteCache = new Map<string, readonly SiteSignal[]>();

function siteSignals(value: string): readonly SiteSignal[] {
  const { host, path } = hostAndPath(value);
  const out: SiteSignal[] = [];
  const country = tldCountry(host);
  if (country) out.push([country, WEIGHT.tld, `tld:.${host.split(".").slice(-2).join(".")}`]);
  const words = `${host.split(".").slice(0, -1).join(" ")} ${path}`.replace(/[^a-z]+/g, " ");
  for (const hit of findPlaceNames(words))
    for (const p of hit.places) out.push([p.country, WEIGHT.section * p.share, `site-section:${hit.key}`]);
  return out;
}

/** The ad's URL and source: country-code TLD, and city or region names among its labels and path. */
export function addSite(tally: Tally, value: string | undefined): void {
  if (!value) return;
  // Ids and numbers in the path name no place: ads of one site differ only there.
  const shape = value.toLowerCase().replace(/\d+/g, "");
  let signals = siteCache.get(shape);
  if (!signals) {
    signals = siteSignals(shape);
    if (siteCache.size > 4096) siteCache.clear();
    siteCache.set(shape, signals);
  }
  for (const [country, weight, signal] of signals) tally.add(country, weight, signal);
}

/** Calling codes written elsewhere in the ad ("+44 …", "0044 …", "wa.me/61…"). */
export function addCallingCodes(tally: Tally, text: string): void {
  const re = /(?:\+|(?<!\d)00|wa\.me\/|phone=|t\.me\/\+) ?\(?(\d(?:[\d ().-]{0,20}\d)?)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const digits = (m[1] ?? "").replace(/\D/g, "");
    if (digits.length < 8) continue;
    const code = leadingCallingCode(digits);
    if (code && CALLING_CODES.has(code)) tally.add(`+${code}`, WEIGHT.callingCode, `calling-code:+${code}`);
  }
}

export function addCurrencies(tally: Tally, text: string): void {
  byCurrency ??= countriesBy("currency");
  const seen = new Set<string>();
  CURRENCY.lastIndex = 0;
  for (let m = CURRENCY.exec(text); m !== null; m = CURRENCY.exec(text)) {
    const currency = CURRENCY_WORDS[m[1] ?? ""] ?? "";
    if (seen.has(currency)) continue;
    seen.add(currency);
    const users = byCurrency.get(currency) ?? [];
    for (const c of users) tally.add(c, WEIGHT.currency / Math.sqrt(users.length), `currency:${currency}`);
  }
}
