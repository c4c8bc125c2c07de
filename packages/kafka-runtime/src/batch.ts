import { performance } from "node:perf_hooks";
import type { TopicName } from "@nexus/schemas";
import type { EachBatchPayload } from "kafkajs";
import type { InFlightGate } from "./back-pressure.js";
import type { RuntimeMetrics } from "./metrics.js";
import { type Outcome, type PolicyDeps, processMessage } from "./policy.js";
import type { ProducerRecord, Topology } from "./types.js";

export interface BatchDeps<T extends TopicName> {
  readonly topology: Topology<T>;
  readonly policy: PolicyDeps;
  readonly gate: InFlightGate;
  readonly metrics: RuntimeMetrics;
  /** Messages whose outputs go to the producer together. */
  readonly flushSize: number;
  /** Resolves once every record is acknowledged by all in-sync replicas. */
  send(records: readonly ProducerRecord[]): Promise<void>;
}

interface Handled {
  readonly offset: string;
  readonly outcome: Outcome;
  readonly startedAt: number;
}

/**
 * Handles one fetched batch of a partition. Outputs are sent in chunks without waiting, but an
 * offset is resolved only when its chunk and every chunk before it is acknowledged, and committed
 * only then: a crash at any point replays, never skips.
 */
export async function processBatch<T extends TopicName>(payload: EachBatchPayload, deps: BatchDeps<T>): Promise<void> {
  const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
  const { metrics, gate, topology } = deps;
  let chunk: Handled[] = [];
  let acked: Promise<string | undefined> = Promise.resolve(undefined);

  const flush = (): void => {
    if (chunk.length === 0) return;
    const group = chunk;
    chunk = [];
    const sent = deps.send(group.flatMap((item) => item.outcome.records));
    const previous = acked;
    acked = Promise.all([previous, sent]).then(
      () => {
        const last = group[group.length - 1] as Handled;
        resolveOffset(last.offset);
        recordAcked(metrics, group);
        gate.release(group.length);
        return last.offset;
      },
      (thrown: unknown) => {
        gate.release(group.length);
        throw thrown;
      },
    );
    // Observed later through `acked`; this keeps an early rejection from being reported as unhandled.
    acked.catch(() => undefined);
  };

  for (const message of batch.messages) {
    if (!isRunning() || isStale()) break;
    if (gate.full) {
      flush();
      await gate.waitForRoom();
    }
    gate.add(1);
    const startedAt = performance.now();
    metrics.messagesIn.inc({ topic: batch.topic });
    const outcome = await processMessage(
      topology,
      {
        topic: batch.topic,
        partition: batch.partition,
        offset: message.offset,
        key: message.key?.toString("utf8"),
        value: message.value === null ? null : message.value.toString("utf8"),
      },
      deps.policy,
    );
    chunk.push({ offset: message.offset, outcome, startedAt });
    if (chunk.length >= deps.flushSize) {
      flush();
      // kafkajs throttles heartbeats itself; once per flush keeps the await off the per-message path.
      await heartbeat();
    }
  }
  flush();
  const last = await acked;
  if (last === undefined) return;
  const next = (BigInt(last) + 1n).toString();
  // Through the batch payload, not consumer.commitOffsets: kafkajs drops the latter once stop() has
  // begun, which is exactly when a graceful shutdown needs its last commit.
  const partition = { partition: batch.partition, offset: next };
  try {
    await commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [partition] }] });
  } catch (thrown) {
    // A commit lost to a rebalance only means a replay; deterministic outputs make that harmless.
    deps.policy.logger.warn(
      { err: thrown, topic: batch.topic, ...partition },
      "offset commit failed; messages will replay",
    );
  }
  metrics.lag.set(
    { topic: batch.topic, partition: String(batch.partition) },
    Number(BigInt(batch.highWatermark) - BigInt(next)),
  );
}

function recordAcked(metrics: RuntimeMetrics, group: readonly Handled[]): void {
  const now = performance.now();
  for (const { outcome, startedAt } of group) {
    metrics.latency.observe((now - startedAt) / 1_000);
    if (outcome.kind === "dead") {
      metrics.errors.inc({ code: outcome.error.code });
      metrics.deadLetters.inc({ topic: outcome.records[0].topic });
    }
    for (const record of outcome.records) metrics.messagesOut.inc({ topic: record.topic });
  }
}
