import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Probes {
  healthy(): boolean;
  ready(): boolean;
  /** Extra JSON for /readyz, e.g. the partitions assigned. */
  status(): Record<string, unknown>;
  metrics(): string;
}

/** /healthz, /readyz and /metrics on one small server; nothing else. */
export async function startProbeServer(
  port: number,
  probes: Probes,
): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method !== "GET") {
      response.writeHead(405).end();
    } else if (path === "/metrics") {
      response.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(probes.metrics());
    } else if (path === "/healthz" || path === "/readyz") {
      const ok = path === "/healthz" ? probes.healthy() : probes.ready();
      response
        .writeHead(ok ? 200 : 503, { "content-type": "application/json" })
        .end(JSON.stringify({ ok, ...probes.status() }));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
