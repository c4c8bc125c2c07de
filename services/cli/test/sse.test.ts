import { describe, expect, it } from "vitest";
import { readServerEvents } from "../src/sse.js";

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

describe("readServerEvents", () => {
  it("reassembles events split across chunks and skips heartbeats", async () => {
    const events = [];
    for await (const event of readServerEvents(
      chunks(": hb\n\nevent: al", 'ert\nid: 3:a\ndata: {"x":1}\n\n', "data: a\ndata: b\n\n"),
    )) {
      events.push(event);
    }
    expect(events).toEqual([
      { event: "alert", id: "3:a", data: '{"x":1}' },
      { event: "message", data: "a\nb" },
    ]);
  });
});
