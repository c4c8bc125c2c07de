import { readConfig } from "@nexus/config";
import { NexusError } from "@nexus/errors";
import { createKafkaAlertService, type KafkaAlertService } from "@nexus/kafka-alerts";
import { createLogger } from "@nexus/logging";
import kafkajs from "kafkajs";
import { kafkaModeSpec } from "./config.js";
import type { CommandContext } from "./context.js";

/**
 * Watches and alerts of a distributed deployment (KAFKA_BROKERS, KAFKA_TOPIC_PREFIX; `--brokers`
 * overrides), read to the end of their topics before the command runs. Logs go to stderr only.
 */
export async function openKafkaAlerts(
  context: CommandContext,
  brokers: string | undefined,
): Promise<KafkaAlertService> {
  const env = brokers ? { ...context.env, KAFKA_BROKERS: brokers } : context.env;
  const { kafka } = readConfig(kafkaModeSpec, env);
  const client = new kafkajs.Kafka({
    clientId: "nexus-cli",
    brokers: kafka.brokers,
    logLevel: kafkajs.logLevel.NOTHING,
  });
  const logger = createLogger({ service: "cli", level: "warn" });
  const service = createKafkaAlertService({ kafka: client, logger, topicPrefix: kafka.topicPrefix });
  try {
    await service.start();
  } catch (cause) {
    await service.stop().catch(() => undefined);
    throw new NexusError("NEXUS_KAFKA_CONNECT", `cannot read the alert topics at ${kafka.brokers.join(",")}`, {
      cause,
    });
  }
  return service;
}

/** Runs `work` on the Kafka alert service, then stops it. */
export async function withKafkaAlerts<T>(
  context: CommandContext,
  brokers: string | undefined,
  work: (service: KafkaAlertService) => Promise<T>,
): Promise<T> {
  const service = await openKafkaAlerts(context, brokers);
  try {
    return await work(service);
  } finally {
    await service.stop();
  }
}
