import { randomUUID } from "node:crypto";
import type { Logger } from "@nexus/logging";
import type { Consumer, Kafka } from "kafkajs";
import { deleteThrowawayGroup, type EndOffsets, endOffsets } from "./admin.js";
import { onFinalCrash } from "./crash.js";
import { createConsumer } from "./kafka-client.js";

export interface TableFollowerOptions {
  readonly kafka: Kafka;
  /** The physical topic name (prefix included). */
  readonly topic: string;
  /** A unique group id is made from it per instance: every instance reads the whole table. */
  readonly groupIdPrefix: string;
  /** Each record in offset order per partition; value is the parsed JSON, null for a tombstone. */
  onRecord(key: string, value: unknown | null): void | Promise<void>;
  readonly logger: Logger;
}

export interface TableFollower {
  /** Resolves once every record up to the end offsets read at start has been passed to onRecord. */
  start(): Promise<void>;
  /**
   * Resolves once every record written before this call has been passed to onRecord: a reader that
   * misses a key it expects (a watch created a moment ago) can wait for the table instead of guessing.
   */
  sync(): Promise<void>;
  /** Stops following and removes the throwaway consumer group. */
  stop(): Promise<void>;
  readonly caughtUp: boolean;
}

type Offsets = EndOffsets;

/**
 * Follows a compacted topic as a table, the whole of it in every instance (a watch list, delivery
 * states): reads it from the beginning under a group of its own, says when it has caught up with the
 * end offsets seen at start, and keeps applying later records. Records without a key or with a value
 * that is not JSON are skipped with a warning.
 */
export function createTableFollower(options: TableFollowerOptions): TableFollower {
  const groupId = `${options.groupIdPrefix}-${randomUUID()}`;
  const logger = options.logger.child({ component: "table-follower", topic: options.topic });
  const progress = createProgress();
  let consumer: Consumer | undefined;
  let caughtUp = false;
  let started: Promise<void> | undefined;
  let stopped: Promise<void> | undefined;

  const start = async (): Promise<void> => {
    const ends = await endOffsets(options.kafka, options.topic);
    const created = createConsumer(options.kafka, groupId);
    consumer = created;
    await created.connect();
    await created.subscribe({ topic: options.topic, fromBeginning: true });
    // An empty topic is "caught up" at once, but a consumer stopped while still joining its group
    // crashes and kafkajs restarts it, so the process never exits: start ends once it has joined.
    const joined = new Promise<void>((resolve) => {
      created.on(created.events.GROUP_JOIN, () => resolve());
    });
    const crashed = new Promise<never>((_resolve, reject) => {
      created.on(created.events.CRASH, (event) => {
        if (caughtUp) logger.error({ err: event.payload.error, restart: event.payload.restart }, "follower crashed");
      });
      onFinalCrash(created, reject);
      created
        .run({
          autoCommit: false,
          eachBatch: async ({ batch, heartbeat }) => {
            for (const message of batch.messages) await apply(options, logger, message);
            // lastOffset() is highWatermark - 1 on an empty batch, so compaction gaps cannot stall us.
            progress.advance(batch.partition, BigInt(batch.lastOffset()) + 1n);
            await heartbeat();
          },
        })
        .catch(reject);
    });
    crashed.catch(() => undefined);
    await Promise.race([Promise.all([progress.reach(ends), joined]), crashed]);
    caughtUp = true;
    logger.info("caught up");
  };

  return {
    start: () => {
      started ??= start();
      return started;
    },
    sync: async () => {
      if (started === undefined) throw new Error(`table follower of ${options.topic} is not started`);
      await started;
      await progress.reach(await endOffsets(options.kafka, options.topic));
    },
    stop: () => {
      stopped ??= (async () => {
        await consumer?.disconnect().catch((thrown: unknown) => logger.warn({ err: thrown }, "disconnect failed"));
        await deleteThrowawayGroup(options.kafka, groupId);
      })();
      return stopped;
    },
    get caughtUp() {
      return caughtUp;
    },
  };
}

/** How far each partition has been applied, and who waits for which offsets. */
function createProgress() {
  const positions: Offsets = new Map();
  const waiters = new Set<{ ends: Offsets; resolve: () => void }>();
  const reached = (ends: Offsets): boolean =>
    [...ends].every(([partition, end]) => (positions.get(partition) ?? -1n) >= end);
  const settle = (): void => {
    for (const waiter of waiters) {
      if (!reached(waiter.ends)) continue;
      waiters.delete(waiter);
      waiter.resolve();
    }
  };
  return {
    advance(partition: number, next: bigint): void {
      positions.set(partition, next);
      settle();
    },
    reach(ends: Offsets): Promise<void> {
      return new Promise<void>((resolve) => {
        waiters.add({ ends, resolve });
        settle();
      });
    },
  };
}

async function apply(
  options: TableFollowerOptions,
  logger: Logger,
  message: { key: Buffer | null; value: Buffer | null; offset: string },
): Promise<void> {
  if (message.key === null) {
    logger.warn({ offset: message.offset }, "record without a key skipped");
    return;
  }
  const key = message.key.toString("utf8");
  let value: unknown | null = null;
  if (message.value !== null) {
    try {
      value = JSON.parse(message.value.toString("utf8")) as unknown;
    } catch {
      logger.warn({ offset: message.offset, key }, "record that is not JSON skipped");
      return;
    }
  }
  await options.onRecord(key, value);
}
