import { DLQ_HEADERS } from "@nexus/kafka-runtime";
import { checkMessage, TOPICS } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { deliveryDeadLetters } from "../src/dead-letters.js";
import { alert, delivery } from "./fixtures.js";

const topics = { input: "p.nexus.alerts.v1", dlq: "p.nexus.alerts.v1.dlq" };

describe("delivery dead letters", () => {
  it("writes one valid dead letter per alert with the runtime's headers and no URL secrets", () => {
    const failed = delivery({
      alertIds: ["a1", "a2"],
      status: "failed",
      attempts: 6,
      httpStatus: 503,
      lastError: "HTTP 503",
    });
    const records = deliveryDeadLetters(
      { delivery: failed, alerts: [alert("a1"), alert("a2")], code: "NEXUS_WEBHOOK_FAILED" },
      topics,
      (id) => (id === "a1" ? { partition: 2, offset: "41" } : undefined),
    );
    expect(records.map((record) => [record.topic, record.key])).toEqual([
      [topics.dlq, "a1"],
      [topics.dlq, "a2"],
    ]);
    expect(records[0]?.headers).toMatchObject({
      [DLQ_HEADERS.code]: "NEXUS_WEBHOOK_FAILED",
      [DLQ_HEADERS.topic]: topics.input,
      [DLQ_HEADERS.partition]: "2",
      [DLQ_HEADERS.offset]: "41",
      [DLQ_HEADERS.attempts]: "6",
      [DLQ_HEADERS.stage]: "notifier",
    });
    expect(records[1]?.headers[DLQ_HEADERS.partition]).toBe("-1");
    for (const record of records) {
      const value = JSON.parse(record.value ?? "null") as unknown;
      expect(checkMessage(TOPICS.deadLetters, value).ok).toBe(true);
      expect(record.value).not.toContain("token=secret");
      expect(record.value).toContain("hooks.example.org");
    }
  });
});
