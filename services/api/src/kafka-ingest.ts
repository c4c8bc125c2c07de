import { NexusError } from "@nexus/errors";
import { splitBySize } from "@nexus/kafka-runtime";
import { parseRawAdLine } from "@nexus/pipeline";
import kafkajs, { type Kafka, type Producer } from "kafkajs";
import type { IngestResult } from "./backend.js";

export interface RawAdRecord {
  readonly key: string;
  readonly value: string;
}

/** Where valid ads go: resolves only once the broker has acknowledged every record. */
export interface RecordSink {
  send(records: readonly RawAdRecord[]): Promise<void>;
}

export interface KafkaIngestOptions {
  readonly sink: RecordSink;
  /** A record the broker would refuse (message.max.bytes, 1 MB by default) is rejected up front. */
  readonly maxRecordBytes?: number;
  /** Records per produce request are capped by size, so one request stays well under the broker's limits. */
  readonly maxChunkBytes?: number;
}

type Rejection = IngestResult["rejected"][number];

/** Every ad through the parser the embedded runtime uses: schema checked, country normalised. */
function validate(ads: readonly unknown[], maxRecordBytes: number) {
  const valid: (RawAdRecord & { index: number })[] = [];
  const rejected: Rejection[] = [];
  ads.forEach((ad, index) => {
    const parsed = parseRawAdLine(JSON.stringify(ad) ?? "undefined", index + 1);
    if (!parsed.ok) {
      rejected.push({ index, code: parsed.deadLetter.error.code, message: parsed.deadLetter.error.message });
      return;
    }
    const value = JSON.stringify(parsed.ad);
    const bytes = Buffer.byteLength(value);
    if (bytes > maxRecordBytes) {
      const message = `ad ${parsed.ad.id} is ${bytes} bytes; at most ${maxRecordBytes} (send images as urls, not data)`;
      rejected.push({ index, code: "NEXUS_USAGE", message });
      return;
    }
    valid.push({ index, key: parsed.ad.id, value });
  });
  return { valid, rejected };
}

const recordSize = (record: RawAdRecord): number => Buffer.byteLength(record.value) + Buffer.byteLength(record.key);

/**
 * The API's ingest in a distributed deployment: validates each ad like the embedded runtime does and
 * produces the valid ones to the raw topic, keyed by ad id. An ad counts as accepted only once the
 * broker acknowledged it; if the broker fails part-way, the ads not acknowledged are reported by
 * index (NEXUS_KAFKA_PRODUCE, safe to resend: ingest is idempotent by ad id), and if none was, the
 * whole request fails with 503 so that the client retries it.
 */
export function createKafkaIngest(options: KafkaIngestOptions): (ads: readonly unknown[]) => Promise<IngestResult> {
  const maxRecordBytes = options.maxRecordBytes ?? 1_000_000;
  const maxChunkBytes = options.maxChunkBytes ?? 512_000;
  return async (ads) => {
    const { valid, rejected } = validate(ads, maxRecordBytes);
    let accepted = 0;
    for (const chunk of splitBySize(valid, recordSize, maxChunkBytes)) {
      try {
        await options.sink.send(chunk);
        accepted += chunk.length;
      } catch (thrown) {
        if (accepted === 0) {
          throw new NexusError("NEXUS_KAFKA_PRODUCE", "Kafka did not take the ads; nothing was accepted, send again", {
            cause: thrown,
            retryable: true,
          });
        }
        const reason = thrown instanceof Error ? thrown.message : String(thrown);
        for (const record of valid.slice(accepted)) {
          rejected.push({ index: record.index, code: "NEXUS_KAFKA_PRODUCE", message: `not acknowledged: ${reason}` });
        }
        break;
      }
    }
    return { accepted, rejected: rejected.sort((a, b) => a.index - b.index) };
  };
}

/** An idempotent producer (acks from all in-sync replicas) writing to one topic. */
export async function connectRecordSink(kafka: Kafka, topic: string): Promise<RecordSink & { close(): Promise<void> }> {
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
  });
  try {
    await producer.connect();
  } catch (thrown) {
    throw new NexusError("NEXUS_KAFKA_CONNECT", `cannot connect a producer for ${topic}`, { cause: thrown });
  }
  return {
    async send(records) {
      await producer.send({ topic, acks: -1, messages: records.map(({ key, value }) => ({ key, value })) });
    },
    close: () => producer.disconnect(),
  };
}
