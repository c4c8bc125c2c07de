import { errors } from "@elastic/elasticsearch";
import { describe, expect, it } from "vitest";
import { buildAdSearch, classifyEsError, classifyItem, entityChangeOps, highlightAd } from "../src/index.js";

const limits = { maxPageSize: 100, facetSize: 5 };

describe("buildAdSearch", () => {
  it("sorts by score then adId, and pages by cursor or offset", () => {
    const { body } = buildAdSearch({ text: "masajes", size: 5, from: 10 }, limits);
    expect(body).toMatchObject({ sort: [{ _score: "desc" }, { adId: "asc" }], from: 10 });
    const cursor = Buffer.from(JSON.stringify([1.5, "ad-9"])).toString("base64url");
    const next = buildAdSearch({ text: "masajes", after: cursor }, limits).body;
    expect(next).toMatchObject({ search_after: [1.5, "ad-9"] });
    expect(next).not.toHaveProperty("from");
    expect(() => buildAdSearch({ after: "garbage" }, limits)).toThrow(/cursor/);
    expect(() => buildAdSearch({ size: 101 }, limits)).toThrow(/size/);
  });

  it("matches nothing when the text is only stop words, and rejects bad dates", () => {
    expect(buildAdSearch({ text: "de la y" }, limits).body).toMatchObject({ query: { match_none: {} } });
    expect(() => buildAdSearch({ filters: { from: "ayer" } }, limits)).toThrow(/ISO 8601/);
  });

  it("filters on folded keys the way documents were indexed", () => {
    const { body } = buildAdSearch({ filters: { city: ["BOGOTÁ"], country: ["co"], hasPhone: true } }, limits);
    expect(JSON.stringify(body)).toContain('"city_key":["bogota"]');
    expect(JSON.stringify(body)).toContain('"country":["CO"]');
  });
});

describe("highlightAd", () => {
  it("marks the original words whose terms matched, fuzzy ones included", () => {
    const out = highlightAd({ title: "Niñas nuevas", body: "Masajes relajantes en Bogotá" }, "es", ["nin", "masaj"]);
    expect(out[0]).toBe("«Niñas» nuevas");
    expect(out[1]).toContain("«Masajes»");
  });
});

describe("classification", () => {
  it("maps item and request failures to stable codes", () => {
    expect(classifyItem(409, undefined).code).toBe("NEXUS_ES_CONFLICT");
    expect(classifyItem(429, undefined)).toEqual({ code: "NEXUS_ES_BACKPRESSURE", retryable: true });
    expect(classifyItem(503, "unavailable_shards_exception").retryable).toBe(true);
    expect(classifyItem(400, "mapper_parsing_exception")).toEqual({ code: "NEXUS_ES_REJECTED", retryable: false });
    expect(classifyEsError(new errors.TimeoutError("t")).code).toBe("NEXUS_ES_TIMEOUT");
    expect(classifyEsError(new errors.ConnectionError("c")).code).toBe("NEXUS_ES_CONNECTION");
  });
});

describe("entityChangeOps", () => {
  it("writes the survivor and redirects absorbed ids on a merge; writes every part on a split", () => {
    const doc = (entityId: string) => ({
      entityId,
      layer: "persona" as const,
      adIds: [entityId],
      updatedAt: "2026-01-01T00:00:00Z",
    });
    const merged = entityChangeOps(
      { id: "e1", type: "merged", layer: "persona", entityId: "p1", adIds: [], mergedFrom: ["p1", "p2"] },
      doc,
      9,
    );
    expect(merged.map((o) => [o.kind, o.version])).toEqual([
      ["entity", 9],
      ["redirect", 9],
    ]);
    expect(merged[1]).toMatchObject({ redirect: { entityId: "p2", redirectTo: "p1" } });
    const split = entityChangeOps(
      { id: "e2", type: "split", layer: "persona", entityId: "p1", adIds: [], splitInto: ["p1", "p3"] },
      doc,
      10,
    );
    expect(split.map((o) => (o.kind === "entity" ? o.entity.entityId : ""))).toEqual(["p1", "p3"]);
  });
});
