import { describe, expect, it } from "vitest";
import { createResolver } from "../src/index.js";
import { ad, networkOf } from "./helpers.js";

describe("stable ids", () => {
  it("keeps the older id on a merge and makes the other an alias", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1", { phones: ["+50255550001"] }));
    resolver.ingest(ad("a2", { phones: ["+50255550002"] }));
    const update = resolver.ingest(ad("a3", { phones: ["+50255550002", "+50255550001"] }));
    const merged = update.changes.find((change) => change.type === "merged" && change.layer === "network");
    expect(merged).toMatchObject({ entityId: "net-1", mergedFrom: ["net-2"], adIds: ["a1", "a2", "a3"] });
    expect(resolver.entity("net-2")).toMatchObject({ id: "net-1", aliases: ["net-2"] });
    expect(resolver.entity("net-1")?.phones).toEqual(["+50255550001", "+50255550002"]);
    expect(update.resolved.map((item) => item.adId).sort()).toEqual(["a2", "a3"]);
  });

  it("lets the largest part keep the id on a split and gives lineage to the rest", () => {
    const site = "+50722220000";
    const resolver = createResolver({ generic: { identifierMinAds: 4, identifierMinCoContacts: 3 } });
    resolver.ingest(ad("a1", { phones: ["+50255550001"] }));
    resolver.ingest(ad("a2", { phones: ["+50255550001", site] }));
    resolver.ingest(ad("a3", { phones: ["+50255550001"] }));
    resolver.ingest(ad("b1", { phones: ["+50255550002", site] }));
    resolver.ingest(ad("c1", { phones: ["+50255550003", site] }));
    expect(networkOf(resolver, "c1")).toBe("net-1");
    const update = resolver.ingest(ad("d1", { phones: ["+50255550004", site] }));
    const split = update.changes.find((change) => change.type === "split" && change.layer === "network");
    expect(split).toMatchObject({ entityId: "net-1", adIds: ["a1", "a2", "a3"] });
    const created = update.changes.filter(
      (change) => change.type === "created" && change.layer === "network" && change.adIds[0] !== "d1",
    );
    expect(created.map((change) => change.reason?.startsWith("split from net-1"))).toEqual([true, true]);
    expect(split?.splitInto?.sort()).toEqual(created.map((change) => change.entityId).sort());
    expect(networkOf(resolver, "a1")).toBe("net-1");
  });
});
