import { randomUUID } from "node:crypto";
import type { Logger } from "@nexus/logging";
import type { Kafka } from "kafkajs";
import { deleteThrowawayGroup, endOffsets } from "./admin.js";
import { onFinalCrash } from "./crash.js";
import { createConsumer } from "./kafka-client.js";

export interface RestoreTarget {
  readonly changelog: string;
  restore(key: string, value: unknown | null): void;
}

/**
 * Replays a compacted changelog from the beginning up to the high watermarks read at start, so a
 * stateful stage holds its state before it consumes a single input. A throwaway consumer group is
 * used (kafkajs has no manual assignment) and deleted afterwards.
 */
export async function restoreChangelog(kafka: Kafka, target: RestoreTarget, logger: Logger): Promise<number> {
  const pending = await endOffsets(kafka, target.changelog);
  if (pending.size === 0) return 0;
  const groupId = `nexus-restore-${randomUUID()}`;
  try {
    const restored = await consumeUntil(kafka, groupId, target, pending);
    logger.info({ changelog: target.changelog, restored }, "state restored from changelog");
    return restored;
  } finally {
    await deleteThrowawayGroup(kafka, groupId);
  }
}

async function consumeUntil(
  kafka: Kafka,
  groupId: string,
  target: RestoreTarget,
  pending: Map<number, bigint>,
): Promise<number> {
  const consumer = createConsumer(kafka, groupId);
  let restored = 0;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic: target.changelog, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      onFinalCrash(consumer, reject);
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            for (const message of batch.messages) {
              if (message.key === null) continue;
              const value = message.value === null ? null : (JSON.parse(message.value.toString("utf8")) as unknown);
              target.restore(message.key.toString("utf8"), value);
              restored += 1;
            }
            const high = pending.get(batch.partition);
            // lastOffset() is highWatermark - 1 on an empty batch, so compaction gaps cannot stall us.
            if (high !== undefined && BigInt(batch.lastOffset()) + 1n >= high) pending.delete(batch.partition);
            if (pending.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return restored;
}
