import { describe, expect, it } from "vitest";
import { createResolver } from "../src/index.js";
import { ad, hash, nearCopy, photo } from "./helpers.js";

describe("explain", () => {
  it("returns the chain of links joining two ads with the evidence of each", () => {
    const resolver = createResolver();
    const face = hash(5);
    resolver.ingest(ad("a1", { phones: ["+50255550001"] }));
    resolver.ingest(ad("a2", { phones: ["+50255550001"], photos: [photo(face)] }));
    resolver.ingest(ad("a3", { phones: ["+50255550003"], photos: [photo(nearCopy(face, 4))] }));
    const explanation = resolver.explain("a1", "a3");
    expect(explanation.joined).toBe(true);
    expect(explanation.path.map((link) => [link.a, link.b])).toEqual([
      ["a1", "a2"],
      ["a2", "a3"],
    ]);
    expect(explanation.path.map((link) => link.evidence[0]?.kind)).toEqual(["phone", "photo"]);
  });

  it("says why two ads are not joined", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1", { names: ["Ana"], ages: [21] }));
    resolver.ingest(ad("a2", { names: ["Ana"], ages: [21] }));
    const explanation = resolver.explain("a1", "a2");
    expect(explanation.joined).toBe(false);
    expect(explanation.reason).toMatch(/direct score 4\.5 vs threshold 8; no chain of links joins them/);
    expect(resolver.explain("a1", "zz").reason).toBe("unknown ad zz");
  });

  it("works per layer", () => {
    const resolver = createResolver();
    resolver.ingest(ad("a1", { phones: ["+50255550001"], names: ["Ana"] }));
    resolver.ingest(ad("a2", { phones: ["+50255550001"], names: ["Lucia"] }));
    expect(resolver.explain("a1", "a2", "network").joined).toBe(true);
    expect(resolver.explain("a1", "a2", "persona").joined).toBe(false);
  });
});
