import { NexusError, toNexusError } from "@nexus/errors";
import type { Logger } from "@nexus/logging";
import { checkMessage, deadLetterTopic, type TopicMessages, type TopicName } from "@nexus/schemas";
import { backoffDelay, type Sleep } from "./backoff.js";
import { deadLetterRecord, type Origin } from "./dead-letter.js";
import type { Output, ProducerRecord, RetryPolicy, Topology } from "./types.js";

/**
 * The one message policy both runtimes share (Kafka and the in-memory test driver): parse, validate
 * in, handle with bounded retries, validate out. It never produces; it says what to produce.
 */

export interface Incoming {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | undefined;
  readonly value: string | null;
}

export type Outcome =
  | { readonly kind: "ok"; readonly records: readonly ProducerRecord[]; readonly attempts: number }
  | {
      readonly kind: "dead";
      readonly records: readonly [ProducerRecord];
      readonly error: NexusError;
      readonly attempts: number;
    };

export interface PolicyDeps {
  readonly logger: Logger;
  readonly retry: RetryPolicy;
  readonly sleep: Sleep;
  /** Called before each retry; the Kafka runtime heartbeats and counts here. */
  readonly onRetry?: (error: NexusError, retry: number) => Promise<void> | void;
}

export async function processMessage<T extends TopicName>(
  topology: Topology<T>,
  incoming: Incoming,
  deps: PolicyDeps,
): Promise<Outcome> {
  const origin: Origin = { ...incoming, payload: incoming.value ?? "" };
  const dead = (error: NexusError, attempts: number): Outcome => ({
    kind: "dead",
    error,
    attempts,
    records: [deadLetterRecord(deadLetterTopic(topology.input), origin, { stage: topology.name, error, attempts })],
  });
  const parsed = parseInput(topology.input, incoming.value);
  if (parsed instanceof NexusError) return dead(parsed, 1);
  const handled = await handleWithRetry(topology, parsed, incoming, deps);
  if (!handled.ok) return dead(handled.error, handled.attempts);
  const records = toRecords(topology, handled.outputs);
  if (records instanceof NexusError) return dead(records, handled.attempts);
  return { kind: "ok", records, attempts: handled.attempts };
}

function parseInput<T extends TopicName>(topic: T, value: string | null): TopicMessages[T] | NexusError {
  if (value === null) return new NexusError("NEXUS_INPUT_PARSE", `${topic}: empty value (tombstone) on an input topic`);
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch (thrown) {
    return new NexusError("NEXUS_INPUT_PARSE", `${topic}: value is not JSON`, { cause: thrown });
  }
  const checked = checkMessage(topic, json);
  return checked.ok ? checked.value : checked.error;
}

type Handled =
  | { ok: true; outputs: readonly Output[]; attempts: number }
  | { ok: false; error: NexusError; attempts: number };

async function handleWithRetry<T extends TopicName>(
  topology: Topology<T>,
  message: TopicMessages[T],
  incoming: Incoming,
  deps: PolicyDeps,
): Promise<Handled> {
  const { topic, partition, offset, key } = incoming;
  // A pino child costs more than validating a message, and most handlers never log: build it lazily.
  let child: Logger | undefined;
  const context = {
    topic,
    partition,
    offset,
    key,
    get logger(): Logger {
      child ??= deps.logger.child({ topic, partition, offset });
      return child;
    },
  };
  for (let attempt = 1; ; attempt++) {
    try {
      // structuredClone: a handler that mutates its input must not change what a retry sees.
      const input = attempt === 1 ? message : structuredClone(message);
      const outputs = await topology.handle(input, context);
      return { ok: true, outputs, attempts: attempt };
    } catch (thrown) {
      const error = toNexusError(thrown, "NEXUS_PROCESSING_FAILED");
      if (!error.retryable || attempt >= deps.retry.attempts) return { ok: false, error, attempts: attempt };
      context.logger.warn({ err: error, attempt }, "retryable handler error; backing off");
      await deps.onRetry?.(error, attempt);
      await deps.sleep(backoffDelay(deps.retry, attempt));
    }
  }
}

/** All outputs of a message, or the first reason none of them may be produced. */
function toRecords<T extends TopicName>(
  topology: Topology<T>,
  outputs: readonly Output[],
): ProducerRecord[] | NexusError {
  const records: ProducerRecord[] = [];
  for (const [index, output] of outputs.entries()) {
    const problem = checkOutput(topology, output);
    if (problem)
      return new NexusError("NEXUS_SCHEMA_INVALID", problem.message, {
        details: { output: index, ...problem.details },
      });
    const value = output.value === null ? null : JSON.stringify(output.value);
    records.push({ topic: output.topic, key: output.key, value, headers: output.headers ?? {} });
  }
  return records;
}

function checkOutput<T extends TopicName>(
  topology: Topology<T>,
  output: Output,
): { message: string; details: Record<string, unknown> } | undefined {
  const topic = output.topic;
  if (typeof output.key !== "string" || output.key === "") {
    return { message: `output to ${topic} has no key`, details: { topic } };
  }
  if (topology.state && topic === topology.state.changelog) return undefined;
  const declared = topology.outputs.find((name) => name === topic);
  if (!declared) return { message: `output topic ${topic} is not declared by ${topology.name}`, details: { topic } };
  const checked = checkMessage(declared, output.value);
  if (checked.ok) return undefined;
  return { message: `invalid output: ${checked.error.message}`, details: { topic, issues: checked.error.issues } };
}
