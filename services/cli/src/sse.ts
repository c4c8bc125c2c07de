/** One server-sent event: the fields this client needs. */
export interface ServerEvent {
  readonly event: string;
  readonly id?: string;
  readonly data: string;
}

/**
 * Parses a text/event-stream body into events (comments and heartbeats skipped). Enough of the
 * format for Nexus's own feed: `event`, `id` and (possibly multi-line) `data` fields.
 */
export async function* readServerEvents(body: AsyncIterable<Uint8Array>): AsyncGenerator<ServerEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  let fields: { event: string; id?: string; data: string[] } = { event: "message", data: [] };
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf("\n"); end >= 0; end = buffer.indexOf("\n")) {
      const line = buffer.slice(0, end).replace(/\r$/, "");
      buffer = buffer.slice(end + 1);
      if (line === "") {
        if (fields.data.length > 0) {
          yield { event: fields.event, data: fields.data.join("\n"), ...(fields.id ? { id: fields.id } : {}) };
        }
        fields = { event: "message", data: [] };
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (name === "event") fields.event = value;
      else if (name === "id") fields.id = value;
      else if (name === "data") fields.data.push(value);
    }
  }
}
