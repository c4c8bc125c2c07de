import type { ServerResponse } from "node:http";
import type { AlertService } from "@nexus/alerting";
import type { Alert } from "@nexus/schemas";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { type AlertCursor, alertsAfter, eventId, isAfter, parseEventId } from "../alert-cursor.js";
import { auditRequest } from "../audit.js";

export interface AlertStreamOptions {
  /** Comment line sent this often so proxies and clients keep an idle stream open. */
  readonly heartbeatMs?: number;
  /** A client that lets this much pile up unread is dropped; it resumes with Last-Event-ID. */
  readonly maxBufferedBytes?: number;
}

interface StreamQuery {
  afterSeq?: number;
  watchId?: string;
}

/** Ids sent recently: enough to drop the alerts that arrive both live and in the backlog. */
const SEEN_LIMIT = 10_000;

function cursorOf(request: FastifyRequest<{ Querystring: StreamQuery }>): AlertCursor | undefined {
  const header = request.headers["last-event-id"];
  const resumed = parseEventId(Array.isArray(header) ? header[0] : header);
  if (resumed) return resumed;
  return request.query.afterSeq === undefined ? undefined : { seq: request.query.afterSeq };
}

/** One client's stream: backlog first, then live alerts, each sent once. */
class AlertStream {
  private readonly seen = new Set<string>();
  private pending: Alert[] | undefined = [];
  closed = false;

  constructor(
    private readonly out: ServerResponse,
    private readonly options: { cursor: AlertCursor | undefined; watchId?: string; maxBufferedBytes: number },
  ) {}

  /** Live alerts wait in `pending` until the backlog has gone out. */
  live(alert: Alert): void {
    if (this.options.watchId && alert.watchId !== this.options.watchId) return;
    if (this.pending) this.pending.push(alert);
    else this.send(alert);
  }

  /** Without a cursor the stream is live only: a new client does not get all of history. */
  async replay(service: AlertService): Promise<void> {
    const filter = this.options.watchId ? { watchId: this.options.watchId } : {};
    const cursor = this.options.cursor;
    for await (const alert of cursor ? alertsAfter(service, cursor, filter) : []) {
      if (this.closed) return;
      this.send(alert);
    }
    const waiting = (this.pending ?? []).sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.pending = undefined;
    for (const alert of waiting) if (isAfter(alert, cursor)) this.send(alert);
  }

  send(alert: Alert): void {
    if (this.closed || this.seen.has(alert.id)) return;
    this.seen.add(alert.id);
    if (this.seen.size > SEEN_LIMIT) {
      const oldest = this.seen.values().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    this.write(`event: alert\nid: ${eventId(alert)}\ndata: ${JSON.stringify(alert)}\n\n`);
  }

  write(chunk: string): void {
    if (this.closed) return;
    if (this.out.writableLength > this.options.maxBufferedBytes) {
      this.out.destroy();
      return;
    }
    this.out.write(chunk);
  }
}

function writeHead(out: ServerResponse): void {
  out.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    // The socket is this stream's alone: when the stream ends, so does the connection.
    connection: "close",
    "x-accel-buffering": "no",
  });
  out.write("retry: 3000\n\n");
}

/**
 * GET /v1/alerts/stream: server-sent events. The listener is attached before the backlog is read,
 * so an alert raised in between is either in the backlog or live (and sent once), never lost.
 */
export function registerAlertStream(app: FastifyInstance, alerts: AlertService, options: AlertStreamOptions = {}) {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const open = new Set<ServerResponse>();
  // SSE connections never go idle; end them so that app.close() does not wait for the clients.
  app.addHook("preClose", async () => {
    for (const out of open) out.end();
  });
  app.get<{ Querystring: StreamQuery }>(
    "/v1/alerts/stream",
    {
      schema: {
        tags: ["alerts"],
        summary: "Live alerts as server-sent events (event: alert, id: seq:alertId); resumes from Last-Event-ID",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            afterSeq: { type: "integer", minimum: 0, description: "first replay the stored alerts after this seq" },
            watchId: { type: "string" },
          },
        },
      },
      config: { role: "viewer" },
    },
    async (request, reply) => {
      const opened = performance.now();
      const out = reply.raw;
      const stream = new AlertStream(out, {
        cursor: cursorOf(request),
        maxBufferedBytes: options.maxBufferedBytes ?? 4_000_000,
        ...(request.query.watchId ? { watchId: request.query.watchId } : {}),
      });
      const unsubscribe = alerts.subscribe((alert) => stream.live(alert));
      reply.hijack();
      writeHead(out);
      open.add(out);
      const heartbeat = setInterval(() => stream.write(": heartbeat\n\n"), heartbeatMs);
      const cleanup = (): void => {
        if (stream.closed) return;
        stream.closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(out);
        auditRequest(request, { status: 200, ms: performance.now() - opened });
      };
      out.on("close", cleanup);
      if (out.destroyed || request.raw.destroyed) cleanup();
      try {
        await stream.replay(alerts);
      } catch (thrown) {
        request.log.error({ err: thrown }, "alert stream backlog failed");
        out.destroy();
      }
    },
  );
}
