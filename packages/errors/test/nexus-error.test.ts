import { describe, expect, it } from "vitest";
import { NexusError, toNexusError, ValidationError } from "../src/index.js";

describe("NexusError", () => {
  it("keeps code, retryability and cause", () => {
    const cause = new Error("socket hang up");
    const error = new NexusError("NEXUS_ES_CONNECTION", "cannot reach", { retryable: true, cause });
    expect(error.code).toBe("NEXUS_ES_CONNECTION");
    expect(error.retryable).toBe(true);
    expect(error.cause).toBe(cause);
  });

  it("ValidationError carries its own code and names every failing field", () => {
    const error = new ValidationError("raw ad", [
      { path: "/body", message: "must be string" },
      { path: "/id", message: "is required" },
    ]);
    expect(error.code).toBe("NEXUS_SCHEMA_INVALID");
    expect(error.message).toContain("/body must be string");
    expect(error.message).toContain("/id is required");
  });

  it("toNexusError wraps non-errors and errors without losing them", () => {
    const original = new TypeError("boom");
    const wrapped = toNexusError(original);
    expect(wrapped.code).toBe("NEXUS_INTERNAL");
    expect(wrapped.cause).toBe(original);
    expect(toNexusError("text").message).toBe("text");
    const own = new NexusError("NEXUS_USAGE", "x");
    expect(toNexusError(own)).toBe(own);
  });
});
