import Papa from "papaparse";
import { describeEvidence, type EvidenceBundle } from "./evidence.js";

/**
 * CSV with formula escaping: ad text is written by strangers, and a cell starting with "=" must
 * not run in the analyst's spreadsheet (papaparse `escapeFormulae`).
 */
const toCsv = (rows: readonly Record<string, unknown>[], columns: readonly string[]): string =>
  Papa.unparse(
    { fields: [...columns], data: rows.map((row) => columns.map((c) => row[c] ?? "")) },
    {
      escapeFormulae: true,
      newline: "\r\n",
    },
  );

export function adsCsv(bundle: EvidenceBundle): string {
  const rows = bundle.overview.ads.map((ad) => ({
    ...ad,
    contacts: ad.contacts.join(" "),
    url: bundle.adText.get(ad.id)?.url,
    body: bundle.adText.get(ad.id)?.body,
  }));
  return toCsv(rows, [
    "id",
    "personaId",
    "postedAt",
    "source",
    "country",
    "city",
    "title",
    "contacts",
    "photos",
    "url",
    "body",
  ]);
}

export function contactsCsv(bundle: EvidenceBundle): string {
  return toCsv(
    bundle.overview.contacts.map((contact) => ({ ...contact })),
    ["kind", "value", "ads", "firstSeen", "lastSeen", "generic"],
  );
}

export function linksCsv(bundle: EvidenceBundle): string {
  const rows = bundle.detail.links.map((link) => ({ ...link, evidence: describeEvidence(link) }));
  return toCsv(rows, ["a", "b", "layer", "linked", "score", "evidence"]);
}
