import type { NexusError } from "@nexus/errors";
import type { DeadLetter } from "@nexus/schemas";
import type { ProducerRecord } from "./types.js";

/** Header names on every dead-letter record; stable, operators filter on them. */
export const DLQ_HEADERS = {
  code: "nexus-error-code",
  topic: "nexus-origin-topic",
  partition: "nexus-origin-partition",
  offset: "nexus-origin-offset",
  attempts: "nexus-attempts",
  stage: "nexus-stage",
} as const;

export interface Origin {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | undefined;
  /** The original value as text (empty for a tombstone). */
  readonly payload: string;
}

export interface Failure {
  readonly stage: string;
  readonly error: NexusError;
  readonly attempts: number;
}

export function buildDeadLetter(origin: Origin, failure: Failure): DeadLetter {
  const { error } = failure;
  const details = Object.keys(error.details).length > 0 ? { details: { ...error.details } } : {};
  return {
    topic: origin.topic,
    stage: failure.stage,
    ...(origin.key === undefined ? {} : { key: origin.key }),
    partition: origin.partition,
    offset: origin.offset,
    error: { code: error.code, message: error.message, ...details },
    payload: origin.payload,
    attempts: failure.attempts,
  };
}

/** The record sent to `<origin topic>.dlq`, keyed like the original so a partition's failures stay in order. */
export function deadLetterRecord(dlqTopic: string, origin: Origin, failure: Failure): ProducerRecord {
  return {
    topic: dlqTopic,
    key: origin.key,
    value: JSON.stringify(buildDeadLetter(origin, failure)),
    headers: {
      [DLQ_HEADERS.code]: failure.error.code,
      [DLQ_HEADERS.topic]: origin.topic,
      [DLQ_HEADERS.partition]: String(origin.partition),
      [DLQ_HEADERS.offset]: origin.offset,
      [DLQ_HEADERS.attempts]: String(failure.attempts),
      [DLQ_HEADERS.stage]: failure.stage,
    },
  };
}
