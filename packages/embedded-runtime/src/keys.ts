/**
 * Key layout of the embedded store. The `seq/` log is the embedded runtime's raw topic: every
 * accepted ad version gets the next sequence number; `meta/cursor` is the last one fully processed.
 */
const pad = (n: number): string => String(n).padStart(16, "0");

export const KEYS = {
  raw: (adId: string) => `raw/${adId}`,
  seq: (seq: number) => `seq/${pad(seq)}`,
  seqPrefix: "seq/",
  enriched: (adId: string) => `enriched/${adId}`,
  enrichedPrefix: "enriched/",
  deadLetter: (n: number) => `dlq/${pad(n)}`,
  deadLetterPrefix: "dlq/",
  decision: (n: number) => `decision/${pad(n)}`,
  decisionPrefix: "decision/",
  nextDecision: "meta/next-decision",
  nextSeq: "meta/next-seq",
  nextDeadLetter: "meta/next-dlq",
  watch: (id: string) => `watch/${id}`,
  watchPrefix: "watch/",
  /** Alerts in stream order; at most one per (ad, watch) by construction of the key. */
  alert: (seq: number, watchId: string) => `alert/${pad(seq)}/${watchId}`,
  alertPrefix: "alert/",
  alertById: (id: string) => `alert-id/${id}`,
  delivery: (id: string) => `delivery/${id}`,
  deliveryPrefix: "delivery/",
  deliveryOfAlert: (alertId: string) => `delivery-of/${alertId}`,
  /** After the numbered dead letters in scan order: failed webhook deliveries, by delivery id. */
  webhookDeadLetter: (deliveryId: string) => `dlq/webhook/${deliveryId}`,
  cursor: "meta/cursor",
  esCursor: "meta/es-cursor",
  esVersion: "meta/es-version",
} as const;

export function seqOfKey(key: string): number {
  return Number(key.slice(KEYS.seqPrefix.length));
}
