import type { Kafka } from "kafkajs";

/** Partition → the offset after its last record; only partitions that hold records. */
export type EndOffsets = Map<number, bigint>;

const ATTEMPTS = 8;

/**
 * Where a topic ends now, per partition that holds records. Retried: right after a topic is created
 * a KRaft broker can answer NOT_LEADER_FOR_PARTITION for a moment, which kafkajs's admin passes on
 * rather than retrying.
 */
export async function endOffsets(kafka: Kafka, topic: string): Promise<EndOffsets> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await endOffsetsOnce(kafka, topic);
    } catch (thrown) {
      const retriable = (thrown as { retriable?: unknown } | undefined)?.retriable === true;
      if (!retriable || attempt >= ATTEMPTS) throw thrown;
      await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 100 * 2 ** attempt)));
    }
  }
}

async function endOffsetsOnce(kafka: Kafka, topic: string): Promise<EndOffsets> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(
      offsets
        .filter((entry) => BigInt(entry.high) > BigInt(entry.low))
        .map((entry) => [entry.partition, BigInt(entry.high)]),
    );
  } finally {
    await admin.disconnect();
  }
}

/** Deletes a throwaway consumer group; a group left behind expires with the broker's offsets retention. */
export async function deleteThrowawayGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteGroups([groupId]);
  } catch {
    // Nothing reads a throwaway group's offsets, so failing to delete it loses nothing.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
