import { restoreChangelog } from "@nexus/kafka-runtime";
import type { Logger } from "@nexus/logging";
import { type Alert, checkMessage, TOPICS } from "@nexus/schemas";
import type { Kafka } from "kafkajs";

/**
 * The alerts of resumed deliveries, read once from the compacted alerts topic (keyed by alert id).
 * Only needed at start, so no alert is kept in memory beyond its delivery.
 */
export async function readAlerts(
  kafka: Kafka,
  topic: string,
  ids: readonly string[],
  logger: Logger,
): Promise<Alert[]> {
  const wanted = new Set(ids);
  const found = new Map<string, Alert>();
  await restoreChangelog(
    kafka,
    {
      changelog: topic,
      restore: (key, value) => {
        if (!wanted.has(key) || value === null) return;
        const checked = checkMessage(TOPICS.alerts, value);
        if (checked.ok) found.set(key, checked.value);
      },
    },
    logger,
  );
  return [...found.values()];
}
