import { describe, expect, it } from "vitest";
import { describeConfig, integer, list, oneOf, readConfig, text } from "../src/index.js";

const spec = {
  kafka: {
    brokers: list("KAFKA_BROKERS", "brokers"),
    password: text("KAFKA_PASSWORD", "secret", { secret: true, default: "" }),
  },
  worker: {
    batch: integer("WORKER_BATCH", "batch size", { default: 10, min: 1 }),
    mode: oneOf("WORKER_MODE", "mode", ["a", "b"], { default: "a" }),
  },
} as const;

describe("readConfig", () => {
  it("parses, applies defaults and freezes", () => {
    const config = readConfig(spec, { KAFKA_BROKERS: "h1:9092, h2:9092", WORKER_MODE: "b" });
    expect(config.kafka.brokers).toEqual(["h1:9092", "h2:9092"]);
    expect(config.worker).toEqual({ batch: 10, mode: "b" });
    expect(Object.isFrozen(config.worker)).toBe(true);
  });

  it("reports every problem at once", () => {
    expect(() => readConfig(spec, { WORKER_BATCH: "0", WORKER_MODE: "c" })).toThrowError(
      /KAFKA_BROKERS is required[\s\S]*WORKER_BATCH is invalid[\s\S]*WORKER_MODE is invalid/,
    );
  });

  it("never prints a secret", () => {
    const lines = describeConfig(spec, { KAFKA_PASSWORD: "hunter2" });
    expect(lines.join("\n")).not.toContain("hunter2");
    expect(lines.join("\n")).toContain("KAFKA_PASSWORD=[redacted]");
  });
});
