import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { Alert, AlertDelivery, Watch } from "@nexus/schemas";
import type { DeliveryStore, Timers } from "../src/index.js";

export const SECRET = "s3cret-s3cret-s3cret";

export function watch(id: string, url?: string, label?: string): Watch {
  return {
    id,
    kind: "phone",
    value: "+50255551234",
    createdAt: "2026-01-01T00:00:00.000Z",
    ...(label === undefined ? {} : { label }),
    ...(url === undefined ? {} : { webhook: { url, secret: SECRET } }),
  };
}

export function alert(id: string, watchId = "w_watch1"): Alert {
  return {
    id,
    watchId,
    watchKind: "phone",
    adId: `ad-${id}`,
    entityId: "e_1",
    personaId: "e_1",
    evidence: [{ kind: "phone", value: "+50255551234" }],
    seq: 1,
  };
}

/** A clock and timers the test moves by hand. */
export class FakeClock implements Timers {
  now = Date.UTC(2026, 0, 1);
  #next = 0;
  readonly #timers = new Map<number, { at: number; callback: () => void }>();

  set(callback: () => void, ms: number): unknown {
    this.#next += 1;
    this.#timers.set(this.#next, { at: this.now + ms, callback });
    return this.#next;
  }

  clear(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  get pending(): number {
    return this.#timers.size;
  }

  /** Moves time forward, firing due timers in time order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.#timers].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      this.#timers.delete(due[0]);
      this.now = Math.max(this.now, due[1].at);
      due[1].callback();
    }
    this.now = until;
  }
}

/** Every saved state, in order, plus the latest per id. */
export class MemoryStore implements DeliveryStore {
  readonly saved: AlertDelivery[] = [];
  readonly latest = new Map<string, AlertDelivery>();

  async save(delivery: AlertDelivery): Promise<void> {
    this.saved.push(delivery);
    this.latest.set(delivery.id, delivery);
  }

  async pending(): Promise<AlertDelivery[]> {
    return [...this.latest.values()].filter((delivery) => delivery.status === "pending");
  }

  async deliveryOf(alertId: string): Promise<AlertDelivery | undefined> {
    return [...this.latest.values()].find((delivery) => delivery.alertIds.includes(alertId));
  }
}

export interface ReceivedRequest {
  readonly method: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface Receiver {
  readonly url: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** A webhook receiver on 127.0.0.1; `status(n)` answers the n-th request (0-based). */
export async function startReceiver(status: (index: number) => number = () => 200): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const index = requests.length;
      requests.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(status(index)).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
