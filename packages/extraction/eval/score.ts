/** Scores @nexus/extraction and plain libphonenumber-js on the labelled ads in eval/*.jsonl. */
import { readFileSync } from "node:fs";
import { extractContacts } from "@nexus/extraction";
import { type CountryCode, findPhoneNumbersInText } from "libphonenumber-js/max";
import type { LabelledAd } from "./generate.js";

export const FILES = ["generated.jsonl", "handwritten.jsonl"] as const;

export function loadAds(): LabelledAd[] {
  return FILES.flatMap((f) =>
    readFileSync(new URL(`./${f}`, import.meta.url), "utf8")
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("//"))
      .map((l) => JSON.parse(l) as LabelledAd),
  );
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface FieldScore extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function finish(c: Counts): FieldScore {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/** Adds one ad's expected and found values to the counts; returns what was missed and what was extra. */
export function add(
  c: Counts,
  expected: readonly string[],
  got: readonly string[],
): { missed: string[]; extra: string[] } {
  const want = new Set(expected);
  const have = new Set(got);
  const missed = [...want].filter((v) => !have.has(v));
  const extra = [...have].filter((v) => !want.has(v));
  c.tp += want.size - missed.length;
  c.fn += missed.length;
  c.fp += extra.length;
  return { missed, extra };
}

export interface Mistake {
  id: string;
  field: string;
  missed: string[];
  extra: string[];
}

export interface Report {
  ads: number;
  nexus: Record<"phones" | "emails" | "handles", FieldScore>;
  baseline: FieldScore;
  byForm: Record<string, { nexus: Counts; baseline: Counts }>;
  mistakes: Mistake[];
}

function baselinePhones(ad: LabelledAd): string[] {
  return findPhoneNumbersInText(ad.text, { defaultCountry: ad.country as CountryCode }).map((m) => m.number.number);
}

/** Runs both extractors over `ads` and scores them. */
export function evaluate(ads: readonly LabelledAd[]): Report {
  const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
  const nexus = { phones: zero(), emails: zero(), handles: zero() };
  const baseline = zero();
  const byForm: Report["byForm"] = {};
  const mistakes: Mistake[] = [];
  for (const ad of ads) {
    const got = extractContacts(ad.text, { country: ad.country });
    const fields = {
      phones: [ad.phones, got.phones.map((p) => p.e164)],
      emails: [ad.emails, got.emails.map((e) => e.value)],
      handles: [ad.handles, got.handles.map((h) => `${h.platform}:${h.value}`)],
    } as const;
    for (const [field, [expected, found]] of Object.entries(fields)) {
      const diff = add(nexus[field as keyof typeof nexus], expected, found);
      if (diff.missed.length + diff.extra.length > 0) mistakes.push({ id: ad.id, field, ...diff });
    }
    const base = baselinePhones(ad);
    add(baseline, ad.phones, base);
    for (const form of new Set(ad.forms ?? ["handwritten"])) {
      const slot = byForm[form] ?? { nexus: zero(), baseline: zero() };
      byForm[form] = slot;
      add(slot.nexus, ad.phones, fields.phones[1]);
      add(slot.baseline, ad.phones, base);
    }
  }
  return {
    ads: ads.length,
    nexus: { phones: finish(nexus.phones), emails: finish(nexus.emails), handles: finish(nexus.handles) },
    baseline: finish(baseline),
    byForm,
    mistakes,
  };
}

export const THRESHOLDS = {
  phones: { precision: 0.98, recall: 0.95 },
  emails: { precision: 0.95, recall: 0.95 },
  handles: { precision: 0.95, recall: 0.95 },
} as const;

/** The acceptance items the report fails, as sentences (empty when all pass). */
export function failures(report: Report): string[] {
  const out: string[] = [];
  for (const [field, t] of Object.entries(THRESHOLDS)) {
    const s = report.nexus[field as keyof typeof THRESHOLDS];
    if (s.precision < t.precision) out.push(`${field} precision ${s.precision.toFixed(3)} < ${t.precision}`);
    if (s.recall < t.recall) out.push(`${field} recall ${s.recall.toFixed(3)} < ${t.recall}`);
  }
  return out;
}
