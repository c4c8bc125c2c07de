/**
 * Scores phones on the hand-written ads from outside the region (eval/world/*.jsonl) beside plain
 * libphonenumber-js, on E.164 *and* country: a phone counts as found only when the extractor's country
 * is the one libphonenumber-js gives for that E.164 ("+1 647…" is CA, not US).
 */
import { readFileSync } from "node:fs";
import { extractContacts } from "@nexus/extraction";
import { type CountryCode, findPhoneNumbersInText, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { add, type FieldScore, finish } from "./score.js";

export interface WorldAd {
  id: string;
  text: string;
  country?: string;
  city?: string;
  source?: string;
  url?: string;
  phones: string[];
}

export const WORLD_SETS = ["tuning", "heldout"] as const;
export type WorldSet = (typeof WORLD_SETS)[number];

/** "as-written": the ad's fields as scraped; "no-country": the `country` field removed. */
export const WORLD_MODES = ["as-written", "no-country"] as const;
export type WorldMode = (typeof WORLD_MODES)[number];

export function loadWorld(set: WorldSet): WorldAd[] {
  return readFileSync(new URL(`./world/${set}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as WorldAd);
}

export interface WorldReport {
  ads: number;
  nexus: FieldScore;
  baseline: FieldScore;
  mistakes: { id: string; missed: string[]; extra: string[] }[];
}

/** "+16475550199/CA": the key a phone is scored on. */
export function phoneKey(e164: string, country: string | undefined): string {
  return `${e164}/${country ?? "?"}`;
}

function expectedKeys(ad: WorldAd): string[] {
  return ad.phones.map((e) => phoneKey(e, parsePhoneNumberFromString(e)?.country));
}

function withMode(ad: WorldAd, mode: WorldMode): WorldAd {
  if (mode === "as-written") return ad;
  const { country: _dropped, ...rest } = ad;
  return rest;
}

function nexusKeys(ad: WorldAd): string[] {
  const { country, city, source, url } = ad;
  const options = {
    ...(country ? { country } : {}),
    ...(city ? { city } : {}),
    ...(source ? { source } : {}),
    ...(url ? { url } : {}),
  };
  return extractContacts(ad.text, options).phones.map((p) => phoneKey(p.e164, p.country));
}

function baselineKeys(ad: WorldAd): string[] {
  const options = ad.country ? { defaultCountry: ad.country as CountryCode } : {};
  return findPhoneNumbersInText(ad.text, options).map((m) => phoneKey(m.number.number, m.number.country));
}

export function evaluateWorld(ads: readonly WorldAd[], mode: WorldMode): WorldReport {
  const nexus = { tp: 0, fp: 0, fn: 0 };
  const baseline = { tp: 0, fp: 0, fn: 0 };
  const mistakes: WorldReport["mistakes"] = [];
  for (const original of ads) {
    const ad = withMode(original, mode);
    const want = expectedKeys(ad);
    const diff = add(nexus, want, nexusKeys(ad));
    if (diff.missed.length + diff.extra.length > 0) mistakes.push({ id: ad.id, ...diff });
    add(baseline, want, baselineKeys(ad));
  }
  return { ads: ads.length, nexus: finish(nexus), baseline: finish(baseline), mistakes };
}

/** The issue's acceptance on ads from outside the region, with and without a country field. */
export const WORLD_THRESHOLDS = { precision: 0.95, recall: 0.9 } as const;

const pct = (x: number): string => x.toFixed(3);

/**
 * The world report as lines: both sets, both modes, beside the baseline; the tuning set's mistakes
 * with `mistakes`, the held-out set's only with `heldoutMistakes` (nobody tuning should read them).
 * `failed` when the held-out set misses the thresholds.
 */
export function formatWorld(options: { mistakes?: boolean; heldoutMistakes?: boolean } = {}): {
  lines: string[];
  failed: boolean;
} {
  const lines = [`${"set / country field".padEnd(24)} nexus P / R (tp fp fn)            baseline P / R`];
  let failed = false;
  for (const set of WORLD_SETS) {
    const ads = loadWorld(set);
    for (const mode of WORLD_MODES) {
      const { nexus: n, baseline: b, mistakes } = evaluateWorld(ads, mode);
      const label = `${set} (${ads.length}) ${mode}`.padEnd(24);
      const ours = `${pct(n.precision)} / ${pct(n.recall)} (${n.tp} ${n.fp} ${n.fn})`.padEnd(33);
      lines.push(`${label} ${ours}${pct(b.precision)} / ${pct(b.recall)} (${b.tp} ${b.fp} ${b.fn})`);
      if (set === "heldout" ? options.heldoutMistakes : options.mistakes)
        for (const m of mistakes) lines.push(`    ${m.id} missed=${m.missed.join(",")} extra=${m.extra.join(",")}`);
      const below = n.precision < WORLD_THRESHOLDS.precision || n.recall < WORLD_THRESHOLDS.recall;
      if (set === "heldout" && below) failed = true;
    }
  }
  return { lines, failed };
}
