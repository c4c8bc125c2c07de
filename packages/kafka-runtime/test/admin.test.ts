import type { Kafka } from "kafkajs";
import { describe, expect, it } from "vitest";
import { endOffsets } from "../src/index.js";

type Answer = Error | { partition: number; high: string; low: string }[];

/** A kafkajs client whose admin answers fetchTopicOffsets from a script, one answer per call. */
function scriptedKafka(answers: Answer[]): { kafka: Kafka; calls: () => number } {
  let calls = 0;
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    fetchTopicOffsets: async () => {
      const answer = answers[calls++];
      if (answer === undefined || answer instanceof Error) throw answer ?? new Error("no more answers");
      return answer;
    },
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, calls: () => calls };
}

const notLeader = (): Error =>
  Object.assign(new Error("This server is not the leader for that topic-partition"), { retriable: true });

describe("endOffsets", () => {
  it("retries while a new topic's leader is not yet known, then reports partitions that hold records", async () => {
    const { kafka, calls } = scriptedKafka([
      notLeader(),
      notLeader(),
      [
        { partition: 0, high: "5", low: "0" },
        { partition: 1, high: "0", low: "0" },
        { partition: 2, high: "9", low: "9" },
      ],
    ]);
    expect(await endOffsets(kafka, "t")).toEqual(new Map([[0, 5n]]));
    expect(calls()).toBe(3);
  });

  it("passes on an error that is not retriable at once", async () => {
    const { kafka, calls } = scriptedKafka([new Error("unknown topic"), []]);
    await expect(endOffsets(kafka, "t")).rejects.toThrow("unknown topic");
    expect(calls()).toBe(1);
  });
});
