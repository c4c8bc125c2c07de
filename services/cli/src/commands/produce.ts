import { readConfig } from "@nexus/config";
import { NexusError } from "@nexus/errors";
import { parseRawAdLine } from "@nexus/pipeline";
import { TOPICS } from "@nexus/schemas";
import kafkajs from "kafkajs";
import { kafkaModeSpec } from "../config.js";
import { type Command, writeJsonLine } from "../context.js";
import { assertReadable, readLines } from "../lines.js";
import { parseOptions, usageText } from "../spec.js";
import { PRODUCE } from "../specs.js";

const USAGE = usageText(PRODUCE);
const BATCH = 500;

/**
 * `produce`: validates raw ads (JSON lines) and publishes them to nexus.ads.raw.v1, keyed by ad id,
 * for the distributed runtime. A bad line is reported on stderr with its line number and reason.
 */
export const produceCommand: Command = async (context) => {
  const { values, positionals } = parseOptions(context, PRODUCE);
  const file = positionals[0];
  if (!file) throw new NexusError("NEXUS_USAGE", `which file?\n${USAGE}`);
  await assertReadable(file);
  const env = values.brokers ? { ...context.env, KAFKA_BROKERS: values.brokers } : context.env;
  const { kafka } = readConfig(kafkaModeSpec, env);
  const client = new kafkajs.Kafka({
    clientId: "nexus-produce",
    brokers: kafka.brokers,
    logLevel: kafkajs.logLevel.NOTHING,
  });
  const producer = client.producer({ idempotent: true, maxInFlightRequests: 1 });
  try {
    await producer.connect();
  } catch (error) {
    throw new NexusError("NEXUS_KAFKA_CONNECT", `cannot reach Kafka at ${kafka.brokers.join(",")}`, { cause: error });
  }
  const topic = `${kafka.topicPrefix}${TOPICS.adsRaw}`;
  let batch: { key: string; value: string }[] = [];
  const counts = { produced: 0, rejected: 0 };
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    try {
      await producer.send({ topic, acks: -1, messages: batch });
    } catch (error) {
      throw new NexusError("NEXUS_KAFKA_PRODUCE", `produce to ${topic} failed after ${counts.produced} ads`, {
        cause: error,
        retryable: true,
      });
    }
    counts.produced += batch.length;
    batch = [];
  };
  try {
    let lineNumber = 0;
    for await (const line of readLines(file, context.stdin)) {
      lineNumber += 1;
      if (context.signal.aborted) break;
      if (line.trim() === "") continue;
      const parsed = parseRawAdLine(line, lineNumber, values.source ? { defaultSource: values.source } : {});
      if (!parsed.ok) {
        counts.rejected += 1;
        writeJsonLine(context.stderr, { line: lineNumber, error: parsed.deadLetter.error });
        continue;
      }
      batch.push({ key: parsed.ad.id, value: JSON.stringify(parsed.ad) });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  } finally {
    await producer.disconnect();
  }
  writeJsonLine(context.stdout, { topic, ...counts });
  return 0;
};
