import type { Logger } from "@nexus/logging";
import kafkajs, { type Consumer, type Kafka, type logCreator } from "kafkajs";
import type { ProducerRecord } from "./types.js";

/** kafkajs logs go through the service's pino logger, so there is one log stream per process. */
function pinoLogCreator(logger: Logger): logCreator {
  const child = logger.child({ component: "kafkajs" });
  return () =>
    ({ level, log }) => {
      const { message, ...rest } = log;
      if (level <= kafkajs.logLevel.ERROR) child.error(rest, message);
      else if (level === kafkajs.logLevel.WARN) child.warn(rest, message);
      else if (level === kafkajs.logLevel.INFO) child.info(rest, message);
      else child.debug(rest, message);
    };
}

/**
 * How long an idle consumer's fetch waits at the broker for records. kafkajs's disconnect waits for
 * the fetch in hand, so its default of 5 s made every idle service take ~4.6 s to stop on SIGTERM;
 * a busy fetch returns as soon as records arrive, so a shorter wait costs only a request a second.
 */
const IDLE_FETCH_WAIT_MS = 1_000;

/** Every consumer the runtime makes (stage, changelog restore, table follower) stops promptly. */
export function createConsumer(kafka: Kafka, groupId: string): Consumer {
  return kafka.consumer({ groupId, maxWaitTimeInMs: IDLE_FETCH_WAIT_MS });
}

export function createKafka(brokers: string[], clientId: string, logger: Logger): Kafka {
  return new kafkajs.Kafka({
    brokers,
    clientId,
    logLevel: kafkajs.logLevel.WARN,
    logCreator: pinoLogCreator(logger),
  });
}

/** Groups records by topic for one sendBatch call; record order within a topic is kept. */
export function toTopicMessages(records: readonly ProducerRecord[]): kafkajs.TopicMessages[] {
  const byTopic = new Map<string, kafkajs.Message[]>();
  for (const record of records) {
    let messages = byTopic.get(record.topic);
    if (!messages) {
      messages = [];
      byTopic.set(record.topic, messages);
    }
    messages.push({ key: record.key ?? null, value: record.value, headers: { ...record.headers } });
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
