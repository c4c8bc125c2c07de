import { endOffsets } from "@nexus/kafka-runtime";
import { Kafka, logLevel } from "kafkajs";

export interface ReadRecord {
  readonly key: string | undefined;
  readonly value: unknown;
}

/** Reads a topic from the beginning up to its current end (all partitions), parsed as JSON. */
export async function readTopic(brokers: string[], topic: string): Promise<ReadRecord[]> {
  const kafka = new Kafka({ clientId: "nexus-test-reader", brokers, logLevel: logLevel.NOTHING });
  const remaining = await endOffsets(kafka, topic);
  const records: ReadRecord[] = [];
  if (remaining.size === 0) return records;
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${Date.now()}-${Math.random()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          const value = message.value === null ? null : JSON.parse(message.value.toString());
          records.push({ key: message.key?.toString(), value });
          if (BigInt(message.offset) + 1n >= (remaining.get(partition) ?? 0n)) remaining.delete(partition);
          if (remaining.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return records;
}

/** How many records a topic holds (sum of its partitions' end offsets): a cheap progress probe. */
export async function topicSize(brokers: string[], topic: string): Promise<number> {
  const kafka = new Kafka({ clientId: "nexus-test-probe", brokers, logLevel: logLevel.NOTHING });
  return [...(await endOffsets(kafka, topic)).values()].reduce((sum, high) => sum + Number(high), 0);
}
