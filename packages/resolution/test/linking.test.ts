import { describe, expect, it } from "vitest";
import { createResolver } from "../src/index.js";
import { ad, hash, nearCopy, networkOf, personaOf, photo, TEXT } from "./helpers.js";

describe("a new ad", () => {
  it("creates a persona and a network and reports where it resolved", () => {
    const resolver = createResolver();
    const update = resolver.ingest(ad("a1", { phones: ["+50255550001"] }));
    expect(update.changes.map((change) => [change.type, change.layer, change.adIds])).toEqual([
      ["created", "persona", ["a1"]],
      ["created", "network", ["a1"]],
    ]);
    expect(update.resolved).toEqual([{ adId: "a1", personaId: "per-1", networkId: "net-1" }]);
  });

  it("is idempotent: the same ad id again changes nothing", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1", { phones: ["+50255550001"] }));
    const again = resolver.ingest(ad("a1", { phones: ["+50255550009"] }));
    expect(again).toEqual({ links: [], changes: [], resolved: [], demotions: [] });
    expect(resolver.entities()).toHaveLength(1);
  });
});

describe("contacts", () => {
  it("joins ads sharing a phone into one network; different names stay different personas", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1", { phones: ["+50255550001"], names: ["Valentina"] }));
    const update = resolver.ingest(ad("a2", { phones: ["+50255550001"], names: ["Camila"] }));
    expect(networkOf(resolver, "a1")).toBe(networkOf(resolver, "a2"));
    expect(personaOf(resolver, "a1")).not.toBe(personaOf(resolver, "a2"));
    const link = update.links[0];
    expect(link).toMatchObject({ a: "a1", b: "a2", linked: true, layer: "network" });
    expect(link?.evidence.find((item) => item.kind === "phone")).toMatchObject({ value: "+50255550001", weight: 12 });
  });

  it("joins ads sharing a phone and a name variant into one persona", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1", { phones: ["+50255550001"], names: ["María José"] }));
    resolver.ingest(ad("a2", { phones: ["+50255550001"], names: ["maria"] }));
    expect(personaOf(resolver, "a1")).toBe(personaOf(resolver, "a2"));
  });

  it("links on a shared email or handle, and not on unrelated ones", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1", { emails: ["vale@example.com"] }));
    resolver.ingest(ad("a2", { emails: ["vale@example.com"] }));
    resolver.ingest(ad("a3", { handles: ["instagram:vale.gt"] }));
    resolver.ingest(ad("a4", { handles: ["instagram:vale.gt"] }));
    resolver.ingest(ad("a5", { handles: ["instagram:other"] }));
    expect(networkOf(resolver, "a1")).toBe(networkOf(resolver, "a2"));
    expect(networkOf(resolver, "a3")).toBe(networkOf(resolver, "a4"));
    expect(networkOf(resolver, "a1")).not.toBe(networkOf(resolver, "a3"));
    expect(networkOf(resolver, "a5")).not.toBe(networkOf(resolver, "a3"));
  });
});

describe("photos", () => {
  const base = hash(1);

  it("joins near-duplicate photos into one persona even when the phone changed", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1", { phones: ["+50255550001"], photos: [photo(base)], names: ["Vale"] }));
    resolver.ingest(ad("a2", { phones: ["+50255550002"], photos: [photo(nearCopy(base, 10))], names: ["Vale"] }));
    expect(personaOf(resolver, "a1")).toBe(personaOf(resolver, "a2"));
    const evidence = resolver.explain("a1", "a2").path[0]?.evidence;
    expect(evidence?.find((item) => item.kind === "photo")?.detail).toBe("PDQ distance 10");
  });

  it("does not let a shared photo join ads whose names and countries contradict it", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1", { photos: [photo(base)], names: ["Mariana"], country: "PA" }));
    resolver.ingest(ad("a2", { photos: [photo(base)], names: ["Ximena"], country: "CO" }));
    expect(networkOf(resolver, "a1")).not.toBe(networkOf(resolver, "a2"));
  });

  it("matches a mirrored re-post through the dihedral variants", () => {
    const resolver = createResolver();
    const mirrored = hash(2);
    // The re-post's hash is far from the original's, but one of its variants is the original.
    resolver.ingest(ad("a1", { photos: [photo(base)] }));
    resolver.ingest(ad("a2", { photos: [{ pdq: mirrored, quality: 90, dihedral: [mirrored, nearCopy(base, 3)] }] }));
    expect(networkOf(resolver, "a1")).toBe(networkOf(resolver, "a2"));
    resolver.ingest(ad("a3", { photos: [{ pdq: nearCopy(mirrored, 2), quality: 90 }] }));
    expect(networkOf(resolver, "a3")).toBe(networkOf(resolver, "a1"));
  });

  it("ignores photos beyond the match distance or below the quality gate", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1", { photos: [photo(base)] }));
    resolver.ingest(ad("a2", { photos: [photo(nearCopy(base, 40))] }));
    resolver.ingest(ad("a3", { photos: [photo(base, 40)] }));
    expect(new Set(["a1", "a2", "a3"].map((id) => networkOf(resolver, id))).size).toBe(3);
  });
});

describe("text", () => {
  it("joins near-duplicate texts and not different ones", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1", { text: TEXT.valentina }));
    resolver.ingest(ad("a2", { text: TEXT.valentinaAgain }));
    resolver.ingest(ad("a3", { text: TEXT.camila }));
    expect(networkOf(resolver, "a1")).toBe(networkOf(resolver, "a2"));
    expect(networkOf(resolver, "a3")).not.toBe(networkOf(resolver, "a1"));
  });

  it("gives no text evidence for very short texts", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1", { text: "hola amor besos" }));
    resolver.ingest(ad("a2", { text: "hola amor besos" }));
    expect(networkOf(resolver, "a1")).not.toBe(networkOf(resolver, "a2"));
  });
});

describe("weak corroboration", () => {
  it("does not link on name, age and city alone", () => {
    const resolver = createResolver();
    const common = { names: ["Valentina"], ages: [22], city: "Mixco", country: "GT", postedAt: "2026-01-02T00:00:00Z" };
    resolver.ingest(ad("a1", common));
    resolver.ingest(ad("a2", common));
    expect(networkOf(resolver, "a1")).not.toBe(networkOf(resolver, "a2"));
    const direct = resolver.explain("a1", "a2").path[0];
    expect(direct?.evidence.map((item) => item.kind).sort()).toEqual(["age", "city", "name", "time"]);
  });
});
