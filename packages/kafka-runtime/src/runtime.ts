import { NexusError } from "@nexus/errors";
import type { Logger } from "@nexus/logging";
import type { TopicName } from "@nexus/schemas";
import kafkajs, { type Consumer, type Producer } from "kafkajs";
import { InFlightGate } from "./back-pressure.js";
import { realSleep } from "./backoff.js";
import { processBatch } from "./batch.js";
import { CoalescingSender } from "./coalescing-sender.js";
import { onFinalCrash } from "./crash.js";
import { startProbeServer } from "./http-server.js";
import { createConsumer, createKafka, toTopicMessages } from "./kafka-client.js";
import { RuntimeMetrics } from "./metrics.js";
import { MAX_REQUEST_BYTES, recordBytes, splitBySize } from "./request-size.js";
import { restoreChangelog } from "./restore.js";
import {
  DEFAULT_RETRY_POLICY,
  type ProducerRecord,
  type RetryPolicy,
  type RunningService,
  type Topology,
} from "./types.js";

export interface RuntimeOptions {
  readonly brokers: string[];
  readonly clientId?: string;
  readonly logger: Logger;
  readonly retries?: RetryPolicy;
  /** Serve /healthz, /readyz, /metrics here; 0 picks a free port; absent serves nothing. */
  readonly metricsPort?: number;
  /** Messages handled but not acknowledged before the consumer pauses. Default 5000 (10 flushes). */
  readonly maxInFlight?: number;
  /** Messages whose outputs are produced in one request. Default 100 (see bench/results/kafka.md). */
  readonly flushSize?: number;
  /** Partitions handled concurrently by one instance. Default 1 (order per partition always holds). */
  readonly partitionsConcurrently?: number;
  /** How long stop() waits for in-flight work before disconnecting anyway. Default 10 s. */
  readonly drainTimeoutMs?: number;
  /**
   * Prepended to every physical topic and the group id, so several pipelines (or test runs) share a
   * cluster; schemas still follow the logical names. Default "".
   */
  readonly topicPrefix?: string;
  /** More Prometheus text for /metrics, from what the service does besides consuming (its own series). */
  readonly extraMetrics?: () => string;
  /** Test seam around the producer: lets a test hold, fail or observe a send. */
  readonly interceptSend?: (records: readonly ProducerRecord[], send: () => Promise<void>) => Promise<void>;
}

export interface KafkaRuntime {
  start<T extends TopicName>(topology: Topology<T>): Promise<RunningService>;
}

export function createKafkaRuntime(options: RuntimeOptions): KafkaRuntime {
  return { start: (topology) => startService(options, topology) };
}

interface ServiceState {
  restored: boolean;
  joined: boolean;
  stopping: boolean;
  crashed: boolean;
  assigned: number[];
}

async function startService<T extends TopicName>(
  options: RuntimeOptions,
  topology: Topology<T>,
): Promise<RunningService> {
  const logger = options.logger.child({ stage: topology.name });
  const metrics = new RuntimeMetrics();
  const render = (): string => metrics.render() + (options.extraMetrics?.() ?? "");
  const state: ServiceState = { restored: false, joined: false, stopping: false, crashed: false, assigned: [] };
  const isReady = (): boolean => state.restored && state.joined && !state.stopping && !state.crashed;
  const probes =
    options.metricsPort === undefined
      ? undefined
      : await startProbeServer(options.metricsPort, {
          healthy: () => !state.crashed,
          ready: isReady,
          status: () => ({
            service: topology.name,
            restored: state.restored,
            joined: state.joined,
            partitions: state.assigned,
          }),
          metrics: render,
        });
  try {
    const parts = await startConsuming({ options, topology, logger, metrics, state });
    let stopped: Promise<void> | undefined;
    const drainMs = options.drainTimeoutMs ?? 10_000;
    return {
      get ready() {
        return isReady();
      },
      get port() {
        return probes?.port;
      },
      metrics: render,
      stop: () => {
        stopped ??= shutdown({ ...parts, state, logger, drainMs, close: probes?.close });
        return stopped;
      },
    };
  } catch (thrown) {
    await probes?.close();
    throw thrown;
  }
}

interface StartParts<T extends TopicName> {
  readonly options: RuntimeOptions;
  readonly topology: Topology<T>;
  readonly logger: Logger;
  readonly metrics: RuntimeMetrics;
  readonly state: ServiceState;
}

/** Restore state, connect, join the group and start the batch loop. */
async function startConsuming<T extends TopicName>(
  parts: StartParts<T>,
): Promise<{ consumer: Consumer; producer: Producer }> {
  const { options, topology, logger, metrics, state } = parts;
  const prefix = options.topicPrefix ?? "";
  const input = `${prefix}${topology.input}`;
  const kafka = createKafka(options.brokers, options.clientId ?? topology.name, logger);
  const stateful = topology.state;
  if (stateful) {
    const changelog = `${prefix}${stateful.changelog}`;
    await restoreChangelog(kafka, { changelog, restore: (key, value) => stateful.restore(key, value) }, logger);
  }
  state.restored = true;
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
  });
  const consumer = createConsumer(kafka, `${prefix}${topology.name}`);
  await connect(producer, consumer, input);
  watchGroup(consumer, input, state, logger);
  const deps = {
    topology,
    metrics,
    send: sender(producer, options, prefix),
    gate: gateFor(consumer, input, metrics, options.maxInFlight ?? 5_000),
    flushSize: options.flushSize ?? 100,
    policy: {
      logger,
      retry: options.retries ?? DEFAULT_RETRY_POLICY,
      sleep: realSleep,
      onRetry: () => metrics.retries.inc(),
    },
  };
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: options.partitionsConcurrently ?? 1,
    eachBatch: (payload) => processBatch(payload, deps),
  });
  logger.info({ input, outputs: topology.outputs }, "stage started");
  return { consumer, producer };
}

function gateFor(consumer: Consumer, input: string, metrics: RuntimeMetrics, limit: number): InFlightGate {
  return new InFlightGate(limit, {
    pause: () => {
      metrics.paused.set({}, 1);
      consumer.pause([{ topic: input }]);
    },
    resume: () => {
      metrics.paused.set({}, 0);
      consumer.resume([{ topic: input }]);
    },
    changed: (count) => metrics.inFlight.set({}, count),
  });
}

async function connect(producer: Producer, consumer: Consumer, input: string): Promise<void> {
  try {
    await producer.connect();
    await consumer.connect();
    // A new group starts at the beginning: nothing that arrived before the first deploy is skipped.
    await consumer.subscribe({ topic: input, fromBeginning: true });
  } catch (thrown) {
    throw new NexusError("NEXUS_KAFKA_CONNECT", `cannot connect to Kafka for ${input}`, {
      cause: thrown,
      retryable: true,
    });
  }
}

function watchGroup(consumer: Consumer, input: string, state: ServiceState, logger: Logger): void {
  consumer.on(consumer.events.GROUP_JOIN, (event) => {
    state.joined = true;
    state.assigned = event.payload.memberAssignment[input] ?? [];
    logger.info({ partitions: state.assigned }, "partitions assigned");
  });
  consumer.on(consumer.events.REBALANCING, () => {
    state.joined = false;
  });
  consumer.on(consumer.events.CRASH, (event) => {
    logger.error({ err: event.payload.error, restart: event.payload.restart }, "consumer crashed");
  });
  onFinalCrash(consumer, () => {
    state.crashed = true;
  });
}

function sender(
  producer: Producer,
  options: RuntimeOptions,
  prefix: string,
): (records: readonly ProducerRecord[]) => Promise<void> {
  const send = async (records: readonly ProducerRecord[]): Promise<void> => {
    if (records.length === 0) return;
    const physical =
      prefix === "" ? records : records.map((record) => ({ ...record, topic: `${prefix}${record.topic}` }));
    try {
      for (const slice of splitBySize(physical, recordBytes, MAX_REQUEST_BYTES)) {
        await producer.sendBatch({ acks: -1, topicMessages: toTopicMessages(slice) });
      }
    } catch (thrown) {
      throw new NexusError("NEXUS_KAFKA_PRODUCE", "produce failed; the batch will be replayed", {
        cause: thrown,
        retryable: true,
      });
    }
  };
  const intercept = options.interceptSend;
  const transport = intercept ? (records: readonly ProducerRecord[]) => intercept(records, () => send(records)) : send;
  const coalescing = new CoalescingSender(transport);
  return (records) => coalescing.send(records);
}

interface ShutdownParts {
  consumer: Consumer;
  producer: Producer;
  state: ServiceState;
  logger: Logger;
  drainMs: number;
  close: (() => Promise<void>) | undefined;
}

/** Stop fetching, let the current batches finish and commit (up to a deadline), then disconnect. */
async function shutdown(parts: ShutdownParts): Promise<void> {
  const { consumer, producer, state, logger, drainMs } = parts;
  state.stopping = true;
  logger.info({ drainMs }, "stopping: draining in-flight messages");
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), drainMs);
  });
  const drained = await Promise.race([consumer.stop().then(() => "drained" as const), deadline]);
  clearTimeout(timer);
  if (drained === "timeout") logger.warn("drain deadline passed; uncommitted messages will replay on the next start");
  await consumer.disconnect().catch((thrown: unknown) => logger.warn({ err: thrown }, "consumer disconnect failed"));
  await producer.disconnect().catch((thrown: unknown) => logger.warn({ err: thrown }, "producer disconnect failed"));
  await parts.close?.();
  logger.info("stopped");
}
