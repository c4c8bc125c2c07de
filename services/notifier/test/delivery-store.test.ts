import { NexusError } from "@nexus/errors";
import type { AlertDelivery } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { createDeliveryTable, createTopicDeliveryStore } from "../src/delivery-store.js";
import { delivery } from "./fixtures.js";

describe("delivery table", () => {
  it("keeps the newest state per delivery even when an older one is read back later", () => {
    const table = createDeliveryTable(() => undefined);
    table.apply("w_watch01|a1", delivery({ status: "delivered", attempts: 1, updatedAt: "2026-01-01T00:00:02.000Z" }));
    table.apply("w_watch01|a1", delivery({ updatedAt: "2026-01-01T00:00:01.000Z" }));
    expect(table.get("w_watch01|a1")?.status).toBe("delivered");
  });

  it("indexes alerts to the delivery carrying them, digests included, and drops them on a tombstone", () => {
    const table = createDeliveryTable(() => undefined);
    table.apply("w_watch01|a2", delivery({ id: "w_watch01|a2", alertIds: ["a2", "a3"], digest: true }));
    expect(table.byAlert("a3")?.id).toBe("w_watch01|a2");
    table.apply("w_watch01|a2", null);
    expect(table.byAlert("a3")).toBeUndefined();
  });

  it("skips and reports a record that does not match the schema", () => {
    const invalid: string[] = [];
    const table = createDeliveryTable((key) => invalid.push(key));
    table.apply("bad", { id: "bad" });
    expect(invalid).toEqual(["bad"]);
    expect(table.get("bad")).toBeUndefined();
  });
});

describe("topic delivery store", () => {
  it("counts a state once produced, and lists pending ones", async () => {
    const table = createDeliveryTable(() => undefined);
    const produced: AlertDelivery[] = [];
    const store = createTopicDeliveryStore(table, async (_key, value) => void produced.push(value));
    await store.save(delivery());
    await store.save(delivery({ id: "w_watch01|a9", alertIds: ["a9"], status: "failed", attempts: 6 }));
    expect(produced).toHaveLength(2);
    expect((await store.pending()).map((item) => item.id)).toEqual(["w_watch01|a1"]);
    expect((await store.deliveryOf("a9"))?.status).toBe("failed");
  });

  it("throws a retryable error and records nothing when the produce fails", async () => {
    const table = createDeliveryTable(() => undefined);
    const store = createTopicDeliveryStore(table, async () => {
      throw new Error("broker unavailable");
    });
    const failure = await store.save(delivery()).catch((thrown: unknown) => thrown);
    expect(failure).toBeInstanceOf(NexusError);
    expect(failure).toMatchObject({ code: "NEXUS_KAFKA_PRODUCE", retryable: true });
    expect(await store.deliveryOf("a1")).toBeUndefined();
  });

  it("refuses to produce an invalid state", async () => {
    const store = createTopicDeliveryStore(
      createDeliveryTable(() => undefined),
      async () => undefined,
    );
    await expect(store.save(delivery({ attempts: -1 }))).rejects.toMatchObject({ code: "NEXUS_SCHEMA_INVALID" });
  });
});
