import { createLogger, createMemorySink, type Logger } from "@nexus/logging";
import type { DeadLetter, TopicName } from "@nexus/schemas";
import { processMessage } from "./policy.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, type Topology } from "./types.js";

/** A record as a test reads it back: value parsed from JSON (null for a tombstone). */
export interface DriverRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | undefined;
  readonly value: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

export interface TestDriverOptions {
  readonly retries?: RetryPolicy;
  readonly logger?: Logger;
  /** Changelog entries handed to `state.restore` before the first message, as the runtime would. */
  readonly changelog?: Iterable<readonly [string, unknown]>;
}

export interface TestDriver {
  /** Sends a value (serialised as JSON) to the input topic and runs it through the stage. */
  send(value: unknown, key?: string): Promise<void>;
  /** Sends raw text (or a tombstone) to the input topic, for parse-failure cases. */
  sendRaw(text: string | null, key?: string): Promise<void>;
  /** Everything produced to a topic, in order. */
  read(topic: string): readonly DriverRecord[];
  /** Values produced to a topic, in order. */
  values<V = unknown>(topic: string): V[];
  /** Dead letters of the input topic. */
  deadLetters(): DeadLetter[];
  /** Backoff delays the policy asked for, in ms (the driver does not actually wait). */
  readonly sleeps: readonly number[];
  /** The next input offset, i.e. what the runtime would have committed. */
  readonly committed: number;
}

/**
 * The TopologyTestDriver idea: runs a topology's handler under the same validate-in, retry,
 * validate-out and dead-letter policy as the Kafka runtime, with in-memory topics and no broker.
 */
export function createTestDriver<T extends TopicName>(
  topology: Topology<T>,
  options: TestDriverOptions = {},
): TestDriver {
  const topics = new Map<string, DriverRecord[]>();
  const sleeps: number[] = [];
  const logger =
    options.logger ?? createLogger({ service: topology.name, level: "silent", destination: createMemorySink() });
  let nextOffset = 0;
  if (topology.state && options.changelog) {
    for (const [key, value] of options.changelog) topology.state.restore(key, value);
  }
  const append = (topic: string, record: Omit<DriverRecord, "topic" | "partition" | "offset">): void => {
    const list = topics.get(topic) ?? [];
    list.push({ ...record, topic, partition: 0, offset: String(list.length) });
    topics.set(topic, list);
  };
  const sendRaw = async (text: string | null, key?: string): Promise<void> => {
    const offset = String(nextOffset);
    append(topology.input, { key, value: text === null ? null : safeParse(text), headers: {} });
    const incoming = { topic: topology.input, partition: 0, offset, key, value: text };
    const outcome = await processMessage(topology, incoming, {
      logger,
      retry: options.retries ?? DEFAULT_RETRY_POLICY,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    // Like the runtime: every output of the message lands, then the offset moves on.
    for (const record of outcome.records) {
      append(record.topic, {
        key: record.key,
        value: record.value === null ? null : JSON.parse(record.value),
        headers: record.headers,
      });
    }
    nextOffset += 1;
  };
  const read = (topic: string): readonly DriverRecord[] => topics.get(topic) ?? [];
  return {
    sendRaw,
    send: (value, key) => sendRaw(JSON.stringify(value), key),
    read,
    values: <V>(topic: string) => read(topic).map((record) => record.value as V),
    deadLetters: () => read(`${topology.input}.dlq`).map((record) => record.value as DeadLetter),
    sleeps,
    get committed() {
      return nextOffset;
    },
  };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
