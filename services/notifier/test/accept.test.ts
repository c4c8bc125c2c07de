import { createLogger, createMemorySink } from "@nexus/logging";
import type { Alert } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { createAcceptor } from "../src/accept.js";
import type { AlertOrigin } from "../src/dead-letters.js";
import { alert } from "./fixtures.js";

const logger = createLogger({ service: "test", level: "silent", destination: createMemorySink() });

function setup(options: { known: Set<string>; pending?: Set<string>; sync?: () => Promise<void> }) {
  const steps: string[] = [];
  const origins = new Map<string, AlertOrigin>();
  const accept = createAcceptor({
    dispatcher: {
      enqueue: async (alerts: readonly Alert[]) => {
        steps.push(`enqueue ${alerts.map((item) => item.id).join(",")} known=${options.known.has("w_watch01")}`);
      },
    },
    knowsWatch: (id) => options.known.has(id),
    syncWatches:
      options.sync ??
      (async () => {
        steps.push("sync");
        options.known.add("w_watch01");
      }),
    pendingFor: (id) => options.pending?.has(id) ?? false,
    origins,
    logger,
    syncTimeoutMs: 50,
  });
  return { accept, steps, origins };
}

describe("acceptor", () => {
  it("waits for the watch table before handing over an alert of a watch it has not seen", async () => {
    const { accept, steps } = setup({ known: new Set() });
    await accept(alert("a1"), { partition: 0, offset: "7" });
    expect(steps).toEqual(["sync", "enqueue a1 known=true"]);
  });

  it("does not sync for a known watch, and keeps the origin only while a delivery is pending", async () => {
    const { accept, steps, origins } = setup({ known: new Set(["w_watch01"]), pending: new Set(["a1"]) });
    await accept(alert("a1"), { partition: 1, offset: "3" });
    await accept(alert("a2"), { partition: 1, offset: "4" });
    expect(steps).toEqual(["enqueue a1 known=true", "enqueue a2 known=true"]);
    expect([...origins.keys()]).toEqual(["a1"]);
  });

  it("goes on after the sync timeout or a failed sync", async () => {
    const slow = setup({ known: new Set(), sync: () => new Promise<void>(() => undefined) });
    await slow.accept(alert("a1"), { partition: 0, offset: "0" });
    expect(slow.steps).toEqual(["enqueue a1 known=false"]);
    const broken = setup({ known: new Set(), sync: async () => Promise.reject(new Error("no broker")) });
    await broken.accept(alert("a2"), { partition: 0, offset: "1" });
    expect(broken.steps).toEqual(["enqueue a2 known=false"]);
  });
});
