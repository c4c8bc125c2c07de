import type { DispatcherStats } from "@nexus/alert-delivery";

const SERIES: readonly [keyof DispatcherStats, string, "counter" | "gauge", string][] = [
  ["received", "nexus_webhook_alerts_received_total", "counter", "Alerts handed to delivery."],
  ["ignored", "nexus_webhook_alerts_ignored_total", "counter", "Alerts whose watch has no webhook."],
  ["duplicates", "nexus_webhook_alerts_duplicate_total", "counter", "Replayed alerts already carried by a delivery."],
  ["attempts", "nexus_webhook_attempts_total", "counter", "Webhook requests sent."],
  ["delivered", "nexus_webhook_delivered_total", "counter", "Deliveries a receiver accepted."],
  ["failed", "nexus_webhook_failed_total", "counter", "Deliveries that ran out of attempts or were refused."],
  ["pending", "nexus_webhook_pending", "gauge", "Deliveries waiting: held digests and retries."],
  ["inFlight", "nexus_webhook_in_flight", "gauge", "Webhook requests under way."],
];

/** The delivery counters in Prometheus text, appended to the service's /metrics. */
export function deliveryMetrics(stats: DispatcherStats | undefined): string {
  if (!stats) return "";
  const lines = SERIES.flatMap(([key, name, type, help]) => [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} ${type}`,
    `${name} ${stats[key]}`,
  ]);
  return `${lines.join("\n")}\n`;
}
