import { describe, expect, it } from "vitest";
import { createLogger, createMemorySink } from "../src/index.js";

describe("createLogger", () => {
  it("binds the service and redacts secrets", () => {
    const sink = createMemorySink();
    const logger = createLogger({ service: "extractor", destination: sink });
    logger.info({ apiKey: "k-123", req: { headers: { authorization: "Bearer x" } }, topic: "t" }, "hello");
    const [line] = sink.lines;
    expect(line).toMatchObject({ service: "extractor", msg: "hello", topic: "t", apiKey: "[redacted]" });
    expect(JSON.stringify(line)).not.toContain("Bearer x");
  });
});
