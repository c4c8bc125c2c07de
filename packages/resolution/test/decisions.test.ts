import { NexusError } from "@nexus/errors";
import { describe, expect, it } from "vitest";
import { createResolver } from "../src/index.js";
import { ad, hash, networkOf, personaOf, photo } from "./helpers.js";

describe("analyst decisions", () => {
  it("must-link joins two unrelated ads as one persona, with analyst evidence", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1", { phones: ["+50255550001"] }));
    resolver.ingest(ad("a2", { phones: ["+50255550002"] }));
    const update = resolver.decide({ kind: "must-link", a: "a1", b: "a2", by: "ana", note: "same tattoo" });
    expect(personaOf(resolver, "a1")).toBe(personaOf(resolver, "a2"));
    expect(update.links[0]?.evidence.at(-1)).toMatchObject({ kind: "analyst", value: "must-link" });
    expect(update.changes.some((change) => change.type === "merged" && change.reason?.includes("by ana"))).toBe(true);
  });

  it("must-link between entity ids joins the networks only", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1", { phones: ["+50255550001"] }));
    resolver.ingest(ad("a2", { phones: ["+50255550002"] }));
    resolver.decide({ kind: "must-link", a: networkOf(resolver, "a1") ?? "", b: networkOf(resolver, "a2") ?? "" });
    expect(networkOf(resolver, "a1")).toBe(networkOf(resolver, "a2"));
    expect(personaOf(resolver, "a1")).not.toBe(personaOf(resolver, "a2"));
  });

  it("cannot-link separates joined ads and holds when later ads would bridge them", () => {
    const resolver = createResolver();
    const face = hash(3);
    resolver.ingest(ad("a1", { phones: ["+50255550001"], photos: [photo(face)] }));
    resolver.ingest(ad("a2", { phones: ["+50255550001"] }));
    expect(networkOf(resolver, "a1")).toBe(networkOf(resolver, "a2"));
    resolver.decide({ kind: "cannot-link", a: "a1", b: "a2" });
    expect(networkOf(resolver, "a1")).not.toBe(networkOf(resolver, "a2"));
    resolver.ingest(ad("a3", { phones: ["+50255550001"], photos: [photo(face)] }));
    expect(networkOf(resolver, "a1")).not.toBe(networkOf(resolver, "a2"));
    // The bridge goes with the side it shares the most evidence with (phone + photo beats phone).
    expect(networkOf(resolver, "a3")).toBe(networkOf(resolver, "a1"));
    expect(resolver.explain("a1", "a2").reason).toContain("cannot-link");
  });

  it("the latest decision about a pair wins", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1"));
    resolver.ingest(ad("a2"));
    resolver.decide({ kind: "must-link", a: "a1", b: "a2" });
    resolver.decide({ kind: "cannot-link", a: "a1", b: "a2" });
    expect(networkOf(resolver, "a1")).not.toBe(networkOf(resolver, "a2"));
    resolver.decide({ kind: "must-link", a: "a1", b: "a2" });
    expect(networkOf(resolver, "a1")).toBe(networkOf(resolver, "a2"));
  });

  it("rejects unknown ids with NEXUS_NOT_FOUND", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1"));
    expect(() => resolver.decide({ kind: "must-link", a: "a1", b: "nope" })).toThrowError(NexusError);
    try {
      resolver.decide({ kind: "cannot-link", a: "nope", b: "a1" });
    } catch (error) {
      expect((error as NexusError).code).toBe("NEXUS_NOT_FOUND");
    }
  });
});
