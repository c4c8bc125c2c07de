import { describe, expect, it } from "vitest";
import { parseRawAdLine } from "../src/index.js";

describe("parseRawAdLine", () => {
  it("accepts a valid ad and upper-cases its country", () => {
    const parsed = parseRawAdLine(JSON.stringify({ id: "a1", source: "s", body: "hola", country: "gt" }), 1);
    expect(parsed).toEqual({ ok: true, ad: { id: "a1", source: "s", body: "hola", country: "GT" } });
  });

  it("turns a non-JSON line into a dead letter with its line number", () => {
    const parsed = parseRawAdLine("{not json", 7);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.deadLetter).toMatchObject({ line: 7, payload: "{not json", error: { code: "NEXUS_INPUT_PARSE" } });
    expect(parsed.deadLetter.error.message).toContain("line 7");
  });

  it("names the missing and wrong fields of an invalid ad", () => {
    const parsed = parseRawAdLine(JSON.stringify({ id: "a1", body: 42 }), 3);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.deadLetter.error.code).toBe("NEXUS_SCHEMA_INVALID");
    expect(parsed.deadLetter.error.message).toContain("/source");
    expect(parsed.deadLetter.error.message).toContain("/body");
  });

  it("fills a default source only when asked", () => {
    const line = JSON.stringify({ id: "a1", body: "x" });
    expect(parseRawAdLine(line, 1).ok).toBe(false);
    expect(parseRawAdLine(line, 1, { defaultSource: "import" })).toMatchObject({ ok: true, ad: { source: "import" } });
  });
});
