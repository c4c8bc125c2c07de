import { randomBytes } from "node:crypto";
import { type AlertService, normaliseWatch, watchIdFrom } from "@nexus/alerting";
import { NexusError } from "@nexus/errors";
import { createTableFollower, type TableFollower } from "@nexus/kafka-runtime";
import type { Logger } from "@nexus/logging";
import {
  type Alert,
  type AlertDelivery,
  checkMessage,
  TOPICS,
  type TopicName,
  validateMessage,
  type Watch,
} from "@nexus/schemas";
import kafkajs, { type Kafka, type Producer } from "kafkajs";
import { AlertLog } from "./alert-log.js";
import { WatchTable } from "./watch-table.js";

export interface KafkaAlertServiceOptions {
  readonly kafka: Kafka;
  readonly logger: Logger;
  /** Entity watches are refused (NEXUS_NOT_FOUND) for ids this says do not exist; unchecked without it. */
  readonly entityExists?: (id: string) => Promise<boolean>;
  /** Prefix of every topic (KAFKA_TOPIC_PREFIX). */
  readonly topicPrefix?: string;
  /** Prefix of the followers' throwaway consumer groups. */
  readonly groupIdPrefix?: string;
  /** Clock and randomness, for tests. */
  readonly now?: () => Date;
  readonly randomHex?: () => string;
}

export interface KafkaAlertService extends AlertService {
  /** Connects the producer and reads the three topics to their ends; resolves when caught up. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

type Listener = (alert: Alert) => void;

/** A record off a topic, checked against its schema; anything else is logged and skipped. */
function checked<T extends TopicName>(topic: T, key: string, value: unknown, logger: Logger) {
  const result = checkMessage(topic, value);
  if (result.ok && (result.value as { id?: unknown }).id === key) return result.value;
  const reason = result.ok ? "key and id differ" : result.error.message;
  logger.warn({ topic, key, reason }, "record skipped");
  return undefined;
}

function notify(listeners: ReadonlySet<Listener>, alert: Alert, logger: Logger): void {
  for (const listener of listeners) {
    try {
      listener(alert);
    } catch (thrown) {
      // One failing subscriber (an SSE client) must not keep the alert from the others.
      logger.warn({ err: thrown }, "alert listener failed");
    }
  }
}

interface Tables {
  readonly watches: WatchTable;
  readonly alerts: AlertLog;
  readonly deliveries: Map<string, AlertDelivery>;
  readonly listeners: Set<Listener>;
}

/** One follower per topic, each applying its records to its table. */
function followTables(
  deps: { kafka: Kafka; logger: Logger; groupIdPrefix: string; topic: (name: TopicName) => string },
  tables: Tables,
): TableFollower[] {
  const { logger } = deps;
  const follow = (name: TopicName, onRecord: (key: string, value: unknown) => void): TableFollower =>
    createTableFollower({
      kafka: deps.kafka,
      topic: deps.topic(name),
      groupIdPrefix: deps.groupIdPrefix,
      logger,
      onRecord,
    });
  const alertFollower: TableFollower = follow(TOPICS.alerts, (key, value) => {
    if (value === null) return tables.alerts.remove(key);
    const alert = checked(TOPICS.alerts, key, value, logger);
    // Only alerts raised after the catch-up are news; the history is there for alerts().
    if (alert && tables.alerts.put(alert) && alertFollower.caughtUp) notify(tables.listeners, alert, logger);
  });
  const watchFollower = follow(TOPICS.watches, (key, value) => {
    const watch = value === null ? null : checked(TOPICS.watches, key, value, logger);
    if (watch !== undefined) tables.watches.applyRecord(key, watch);
  });
  const deliveryFollower = follow(TOPICS.alertDeliveries, (key, value) => {
    const delivery = value === null ? null : checked(TOPICS.alertDeliveries, key, value, logger);
    if (delivery === null) tables.deliveries.delete(key);
    else if (delivery) tables.deliveries.set(key, delivery);
  });
  return [watchFollower, alertFollower, deliveryFollower];
}

/** The watch producer: idempotent, acknowledged by all in-sync replicas before a write counts. */
function createWatchWriter(kafka: Kafka, topic: string) {
  let producer: Producer | undefined;
  return {
    async connect(): Promise<void> {
      const created = kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
      });
      try {
        await created.connect();
      } catch (thrown) {
        throw new NexusError("NEXUS_KAFKA_CONNECT", "cannot connect the watch producer", { cause: thrown });
      }
      producer = created;
    },
    async disconnect(): Promise<void> {
      await producer?.disconnect();
      producer = undefined;
    },
    async write(id: string, value: Watch | null): Promise<void> {
      if (!producer) throw new NexusError("NEXUS_KAFKA_CONNECT", "the alert service is not started");
      try {
        await producer.send({
          topic,
          acks: -1,
          messages: [{ key: id, value: value === null ? null : JSON.stringify(value) }],
        });
      } catch (thrown) {
        throw new NexusError("NEXUS_KAFKA_PRODUCE", `could not write watch ${id}`, { cause: thrown, retryable: true });
      }
    },
  };
}

/**
 * Watches and alerts for the API in a distributed deployment. Watches are written to the compacted
 * nexus.watches.v1 (a tombstone removes one) and read back as a table; alerts and delivery states
 * are followed from their topics into memory. Each instance reads every topic whole.
 */
export function createKafkaAlertService(options: KafkaAlertServiceOptions): KafkaAlertService {
  const prefix = options.topicPrefix ?? "";
  const topic = (name: TopicName): string => `${prefix}${name}`;
  const now = options.now ?? (() => new Date());
  const randomHex = options.randomHex ?? (() => randomBytes(16).toString("hex"));
  const tables: Tables = {
    watches: new WatchTable(),
    alerts: new AlertLog(),
    deliveries: new Map(),
    listeners: new Set(),
  };
  const groupIdPrefix = options.groupIdPrefix ?? `${prefix}nexus-api-alerts`;
  const followers = followTables({ kafka: options.kafka, logger: options.logger, groupIdPrefix, topic }, tables);
  const writer = createWatchWriter(options.kafka, topic(TOPICS.watches));
  const write = async (id: string, value: Watch | null): Promise<void> => {
    await writer.write(id, value);
    tables.watches.acknowledged(id, value);
  };
  return {
    async start() {
      await writer.connect();
      await Promise.all(followers.map((follower) => follower.start()));
      options.logger.info(
        { watches: tables.watches.list().length, alerts: tables.alerts.size },
        "alert topics caught up",
      );
    },
    async stop() {
      await Promise.all(followers.map((follower) => follower.stop()));
      await writer.disconnect();
    },
    async addWatch(request) {
      const stamp = { id: watchIdFrom(randomHex()), createdAt: now().toISOString() };
      const watch = validateMessage(TOPICS.watches, normaliseWatch(request, stamp));
      if (watch.kind === "entity" && options.entityExists && !(await options.entityExists(watch.value))) {
        throw new NexusError("NEXUS_NOT_FOUND", `no entity ${watch.value}`, { details: { id: watch.value } });
      }
      await write(watch.id, watch);
      return watch;
    },
    async removeWatch(id) {
      if (!tables.watches.get(id)) return false;
      await write(id, null);
      return true;
    },
    watches: async () => tables.watches.list(),
    watch: async (id) => tables.watches.get(id),
    alerts: async (query) => tables.alerts.query(query),
    subscribe(listener) {
      tables.listeners.add(listener);
      return () => tables.listeners.delete(listener);
    },
    async deliveries(query = {}) {
      const all = [...tables.deliveries.values()];
      return query.watchId === undefined ? all : all.filter((delivery) => delivery.watchId === query.watchId);
    },
  };
}
