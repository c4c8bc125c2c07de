import { type ErrorCode, NexusError } from "@nexus/errors";
import { deadLetterRecord, type ProducerRecord } from "@nexus/kafka-runtime";
import type { Alert, AlertDelivery } from "@nexus/schemas";

export interface AlertOrigin {
  readonly partition: number;
  readonly offset: string;
}

export interface DeadDelivery {
  readonly delivery: AlertDelivery;
  readonly alerts: readonly Alert[];
  readonly code: ErrorCode;
}

export interface DeadLetterTopics {
  /** Physical name of the alerts topic (prefix included). */
  readonly input: string;
  readonly dlq: string;
}

/** Host only: webhook paths and queries often carry tokens. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "(invalid url)";
  }
}

/**
 * One dead letter per alert of a failed delivery, on `nexus.alerts.v1.dlq` with the runtime's
 * headers, so an operator can replay an alert onto the alerts topic as it was. An alert whose origin
 * is unknown (its delivery was resumed after a restart) gets partition -1 and offset "-1".
 */
export function deliveryDeadLetters(
  dead: DeadDelivery,
  topics: DeadLetterTopics,
  originOf: (alertId: string) => AlertOrigin | undefined,
): ProducerRecord[] {
  const { delivery, alerts, code } = dead;
  const error = new NexusError(code, delivery.lastError ?? code, {
    details: {
      deliveryId: delivery.id,
      host: hostOf(delivery.url),
      ...(delivery.httpStatus === undefined ? {} : { httpStatus: delivery.httpStatus }),
    },
  });
  return alerts.map((alert) => {
    const origin = originOf(alert.id) ?? { partition: -1, offset: "-1" };
    return deadLetterRecord(
      topics.dlq,
      { topic: topics.input, key: alert.id, payload: JSON.stringify(alert), ...origin },
      { stage: "notifier", error, attempts: Math.max(1, delivery.attempts) },
    );
  });
}
