import type { EnrichedAd } from "@nexus/schemas";
import { analyze } from "@nexus/search-index";
import { describe, expect, it } from "vitest";
import { adInputFromEnriched, cutBatches, esIndexNames, hexHamming, toAdDocument, toBulkItem } from "../src/index.js";
import { flipBits, PHOTO } from "./fixtures.js";

describe("toAdDocument", () => {
  it("stores Nexus terms space-joined beside the original text, with folded filter keys", () => {
    const doc = toAdDocument({
      adId: "a",
      source: " SitioÁ ",
      title: "Niñas NUEVAS",
      body: "Masajes en Bogotá ３００ 123 4567",
      city: "Bogotá",
      country: "co",
      phones: ["+573001234567", "+573001234567"],
      pdq: [PHOTO.toUpperCase(), "not-a-hash"],
    });
    expect(doc.text_analyzed.split(" ")).toEqual(
      analyze("Niñas NUEVAS\nMasajes en Bogotá ３００ 123 4567", { language: doc.language }),
    );
    expect(doc.text_analyzed).not.toMatch(/[ÁáñÑ]/);
    expect(doc.title_analyzed).toBe(analyze("Niñas NUEVAS", { language: doc.language }).join(" "));
    expect(doc).toMatchObject({
      body: "Masajes en Bogotá ３００ 123 4567",
      city_key: "bogota",
      source_key: "sitioa",
      country: "CO",
    });
    expect(doc).toMatchObject({
      phones: ["+573001234567"],
      hasPhone: true,
      pdq: [PHOTO],
      images: [{ pdq: PHOTO, vector: PHOTO }],
    });
    expect("url" in doc).toBe(false);
  });

  it("takes a pipeline ad's phones, handles and usable photo hashes", () => {
    const enriched = {
      id: "x",
      ad: { id: "x", source: "s", body: "hola" },
      extraction: {
        language: "es",
        phones: [
          {
            raw: "",
            start: 0,
            end: 0,
            e164: "+50760000000",
            country: "PA",
            rule: "ad-country",
            obfuscations: [],
            confidence: 1,
          },
        ],
        emails: [],
        handles: [{ raw: "", start: 0, end: 0, platform: "instagram", value: "vale" }],
        urls: [],
        ages: [],
        prices: [],
        names: [],
        locations: [],
      },
      images: [
        { index: 0, ref: "u0", pdq: PHOTO, quality: 90 },
        { index: 1, ref: "u1", pdq: flipBits(PHOTO, 3), quality: 20 },
      ],
    } satisfies EnrichedAd;
    const input = adInputFromEnriched(enriched, { adId: "x", personaId: "p", networkId: "n" });
    expect(input).toMatchObject({
      phones: ["+50760000000"],
      handles: ["instagram:vale"],
      pdq: [PHOTO],
      personaId: "p",
      language: "es",
    });
  });
});

describe("bulk items", () => {
  it("writes with external versioning and measures bytes", () => {
    const item = toBulkItem(
      { kind: "ad", ad: { adId: "é", source: "s", body: "hola" }, version: 7 },
      esIndexNames("t"),
    );
    if ("code" in item) throw new Error("unexpected drop");
    const [action, source] = item.lines
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(action).toEqual({ index: { _index: "t-ads", _id: "é", version: 7, version_type: "external" } });
    expect(source).toMatchObject({ adId: "é", version: 7 });
    expect(item.bytes).toBe(Buffer.byteLength(item.lines));
  });

  it("cuts by bytes and count; an oversized item travels alone", () => {
    const item = (id: string, bytes: number) => ({
      id,
      index: "i",
      kind: "ad" as const,
      lines: "",
      bytes,
      attempts: 0,
    });
    const batches = cutBatches([item("a", 40), item("b", 40), item("c", 500), item("d", 10)], {
      maxBytes: 100,
      maxDocs: 10,
    });
    expect(batches.map((b) => b.map((i) => i.id))).toEqual([["a", "b"], ["c"], ["d"]]);
  });

  it("computes Hamming distances over hex", () => {
    expect(hexHamming(PHOTO, flipBits(PHOTO, 31))).toBe(31);
    expect(hexHamming("f".repeat(64), "0".repeat(64))).toBe(256);
  });
});
