import type { Logger } from "@nexus/logging";
import type { TopicMessages, TopicName } from "@nexus/schemas";

/** One record a handler asks the runtime to produce. Keys must be deterministic so replays are harmless. */
export interface Output {
  readonly topic: TopicName | string;
  readonly key: string;
  readonly value: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HandlerContext {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | undefined;
  readonly logger: Logger;
}

/** A stage as the runtime sees it: one input topic, declared outputs, a handler. */
export interface Topology<T extends TopicName> {
  /** Service name; also the consumer group id. */
  readonly name: string;
  /** Validated against its schema before the handler sees a message. */
  readonly input: T;
  /** Every Output to one of these topics is validated against its schema before it is produced. */
  readonly outputs: readonly TopicName[];
  handle(message: TopicMessages[T], context: HandlerContext): Promise<readonly Output[]> | readonly Output[];
  /** State restored from a compacted changelog topic before consuming; outputs to it are not schema-checked. */
  readonly state?: {
    readonly changelog: string;
    restore(key: string, value: unknown | null): void;
  };
}

export interface RetryPolicy {
  /** Total attempts, the first included. */
  readonly attempts: number;
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, initialMs: 100, maxMs: 5_000 };

/** A record ready for the producer: serialised value, string headers. */
export interface ProducerRecord {
  readonly topic: string;
  readonly key: string | undefined;
  /** null only for a tombstone on a state changelog. */
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

export interface RunningService {
  stop(): Promise<void>;
  /** Restored, group joined, not stopping. */
  readonly ready: boolean;
  /** Prometheus text exposition of this service's metrics. */
  metrics(): string;
  /** The HTTP port serving /healthz, /readyz and /metrics, when one was asked for (0 picks a free one). */
  readonly port: number | undefined;
}

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor?: number;
  /** -1 keeps forever. */
  readonly retentionMs?: number;
  readonly compact?: boolean;
  /** The partition count is part of the topic's meaning (order), not a scaling knob: never overridden. */
  readonly pinned?: boolean;
}
