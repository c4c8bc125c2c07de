import { readConfig } from "@nexus/config";
import { ensureTopics, stopOnSignals } from "@nexus/kafka-runtime";
import { createLogger } from "@nexus/logging";
import { stageTopicSpecs } from "@nexus/service-kit";
import { notifierSpec } from "./config.js";
import { startNotifier } from "./notifier.js";

const config = readConfig(notifierSpec, process.env);
const logger = createLogger({ service: "notifier", level: config.log.level });
await ensureTopics(config.kafka.brokers, stageTopicSpecs(config));
const running = await startNotifier({
  brokers: config.kafka.brokers,
  topicPrefix: config.kafka.topicPrefix,
  logger,
  metricsPort: config.service.metricsPort,
  webhook: config.webhook,
});
stopOnSignals([running], logger);
logger.info({ port: running.port, allowPrivate: config.webhook.allowPrivate }, "notifier running");
