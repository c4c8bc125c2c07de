import type { PairLink } from "@nexus/resolution";
import type { EntityDetail } from "../backend.js";
import type { EntityOverview } from "../console/insights.js";

/** Everything an export of one entity holds: its overview (ads, contacts) and its links with evidence. */
export interface EvidenceBundle {
  readonly overview: EntityOverview;
  readonly detail: EntityDetail;
  /** Extra ad fields for the export (url, body), by ad id. */
  readonly adText: ReadonlyMap<string, { url?: string; body: string }>;
}

/** One line per piece of evidence: "phone +50255512345 (+12.0)". */
export function describeEvidence(link: PairLink): string {
  return link.evidence
    .map((e) => `${e.kind}${e.value ? ` ${e.value}` : ""} (${e.weight >= 0 ? "+" : ""}${e.weight.toFixed(1)})`)
    .join("; ");
}
