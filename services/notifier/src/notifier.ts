import { type AlertDispatcher, createAlertDispatcher, type DeliveryStore } from "@nexus/alert-delivery";
import {
  createKafka,
  createKafkaRuntime,
  createTableFollower,
  type ProducerRecord,
  type RunningService,
  type TableFollower,
} from "@nexus/kafka-runtime";
import type { Logger } from "@nexus/logging";
import { deadLetterTopic, TOPICS } from "@nexus/schemas";
import kafkajs, { type Kafka, type Producer } from "kafkajs";
import { createAcceptor } from "./accept.js";
import { readAlerts } from "./alert-lookup.js";
import { type AlertOrigin, deliveryDeadLetters } from "./dead-letters.js";
import { deliveryMetrics } from "./delivery-metrics.js";
import { createDeliveryTable, createTopicDeliveryStore, type DeliveryTable } from "./delivery-store.js";
import { createNotifierTopology } from "./topology.js";
import { createWatchTable, type WatchTable } from "./watch-table.js";

export interface NotifierOptions {
  readonly brokers: string[];
  readonly topicPrefix: string;
  readonly logger: Logger;
  /** /healthz, /readyz and /metrics; 0 picks a free port; absent serves nothing. */
  readonly metricsPort?: number;
  readonly webhook: {
    readonly allowPrivate: boolean;
    readonly digestMs: number;
    readonly maxAttempts: number;
    readonly timeoutMs: number;
  };
}

export interface RunningNotifier extends RunningService {
  readonly dispatcher: AlertDispatcher;
}

interface Parts {
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly topics: ReturnType<typeof topicNames>;
  readonly watches: WatchTable;
  readonly deliveries: DeliveryTable;
  readonly origins: Map<string, AlertOrigin>;
  readonly logger: Logger;
}

function topicNames(prefix: string) {
  return {
    alerts: `${prefix}${TOPICS.alerts}`,
    watches: `${prefix}${TOPICS.watches}`,
    deliveries: `${prefix}${TOPICS.alertDeliveries}`,
    dlq: `${prefix}${deadLetterTopic(TOPICS.alerts)}`,
  };
}

/**
 * The notifier: follows the watch list and the delivery states (whole tables, every instance),
 * resumes pending deliveries, then consumes alerts. Delivery states are produced to the compacted
 * deliveries topic before an alert's offset is committed.
 */
export async function startNotifier(options: NotifierOptions): Promise<RunningNotifier> {
  const logger = options.logger.child({ stage: "notifier" });
  const kafka = createKafka(options.brokers, "notifier", logger);
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
  });
  const invalid = (topic: string) => (key: string, reason: string) =>
    logger.warn({ topic, key, reason }, "invalid record skipped");
  const topics = topicNames(options.topicPrefix);
  const parts: Parts = {
    kafka,
    producer,
    topics,
    watches: createWatchTable(invalid(topics.watches)),
    deliveries: createDeliveryTable(invalid(topics.deliveries)),
    origins: new Map(),
    logger,
  };
  const followers = [
    follow(parts, topics.watches, parts.watches.apply, `${options.topicPrefix}notifier-watches`),
    follow(parts, topics.deliveries, parts.deliveries.apply, `${options.topicPrefix}notifier-deliveries`),
  ];
  let dispatcher: AlertDispatcher | undefined;
  const release = async (): Promise<void> => {
    await dispatcher?.close();
    await Promise.all(followers.map((follower) => follower.stop()));
    await producer.disconnect().catch((thrown: unknown) => logger.warn({ err: thrown }, "producer disconnect failed"));
  };
  try {
    await producer.connect();
    await Promise.all(followers.map((follower) => follower.start()));
    dispatcher = createDispatcher(parts, options);
    await dispatcher.resume();
    const running = await createKafkaRuntime({
      brokers: options.brokers,
      logger,
      topicPrefix: options.topicPrefix,
      extraMetrics: () => deliveryMetrics(dispatcher?.stats()),
      ...(options.metricsPort === undefined ? {} : { metricsPort: options.metricsPort }),
    }).start(createNotifierTopology({ accept: acceptorFor(parts, dispatcher, followers[0]) }));
    logger.info({ watches: parts.watches.size, resumed: dispatcher.stats().pending }, "notifier running");
    return wrap(running, dispatcher, release);
  } catch (thrown) {
    await release();
    throw thrown;
  }
}

function follow(parts: Parts, topic: string, apply: (key: string, value: unknown) => void, group: string) {
  return createTableFollower({
    kafka: parts.kafka,
    topic,
    groupIdPrefix: group,
    onRecord: apply,
    logger: parts.logger,
  });
}

function createDispatcher(parts: Parts, options: NotifierOptions): AlertDispatcher {
  const { producer, topics, logger, origins } = parts;
  const send = async (topic: string, records: readonly Omit<ProducerRecord, "topic">[]): Promise<void> => {
    await producer.send({
      topic,
      acks: -1,
      messages: records.map((record) => ({ ...record, key: record.key ?? null })),
    });
  };
  const store = createTopicDeliveryStore(parts.deliveries, (key, value) =>
    send(topics.deliveries, [{ key, value: JSON.stringify(value), headers: {} }]),
  );
  const logged: DeliveryStore = {
    ...store,
    save: async (delivery) => {
      await store.save(delivery);
      const { id, status, attempts, httpStatus, lastError } = delivery;
      if (status !== "pending") logger.info({ id, status, attempts, httpStatus, lastError }, `webhook ${status}`);
      if (status === "delivered") for (const alertId of delivery.alertIds) origins.delete(alertId);
    },
  };
  return createAlertDispatcher({
    watchOf: (id) => parts.watches.get(id),
    store: logged,
    alertsOf: (ids) => readAlerts(parts.kafka, topics.alerts, ids, logger),
    onDeadLetter: async (delivery, alerts, code) => {
      const records = deliveryDeadLetters({ delivery, alerts, code }, { input: topics.alerts, dlq: topics.dlq }, (id) =>
        origins.get(id),
      );
      await send(topics.dlq, records);
      for (const alert of alerts) origins.delete(alert.id);
    },
    onError: (thrown) => logger.error({ err: thrown }, "webhook delivery: background step failed"),
    allowPrivateNetworks: options.webhook.allowPrivate,
    digestWindowMs: options.webhook.digestMs,
    maxAttempts: options.webhook.maxAttempts,
    timeoutMs: options.webhook.timeoutMs,
  });
}

function acceptorFor(parts: Parts, dispatcher: AlertDispatcher, watchFollower: TableFollower | undefined) {
  return createAcceptor({
    dispatcher,
    knowsWatch: (id) => parts.watches.get(id) !== undefined,
    syncWatches: () => watchFollower?.sync() ?? Promise.resolve(),
    pendingFor: (alertId) => parts.deliveries.byAlert(alertId)?.status === "pending",
    origins: parts.origins,
    logger: parts.logger,
  });
}

function wrap(running: RunningService, dispatcher: AlertDispatcher, release: () => Promise<void>): RunningNotifier {
  let stopped: Promise<void> | undefined;
  return {
    dispatcher,
    get ready() {
      return running.ready;
    },
    get port() {
      return running.port;
    },
    metrics: () => running.metrics(),
    stop: () => {
      stopped ??= running.stop().then(release);
      return stopped;
    },
  };
}
