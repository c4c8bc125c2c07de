import { ValidationError } from "@nexus/errors";
import { describe, expect, it } from "vitest";
import { checkMessage, TOPIC_SCHEMA_IDS, TOPICS, validateMessage } from "../src/index.js";

const rawAd = { id: "ad-1", source: "site-a", body: "Hola, llámame 5555 1234", country: "GT" };

describe("validateMessage", () => {
  it("accepts a minimal raw ad and returns it typed", () => {
    expect(validateMessage(TOPICS.adsRaw, rawAd).id).toBe("ad-1");
  });

  it("accepts both image forms", () => {
    const ad = {
      ...rawAd,
      images: [{ url: "https://x.example/a.jpg" }, { url: "file:///tmp/a.jpg" }, { data: "aGVsbG8=" }],
    };
    expect(checkMessage(TOPICS.adsRaw, ad).ok).toBe(true);
  });

  it("names every bad field", () => {
    const result = checkMessage(TOPICS.adsRaw, { id: "a b", body: 3, postedAt: "yesterday", extra: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    expect(result.error.code).toBe("NEXUS_SCHEMA_INVALID");
    const paths = result.error.issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["/id", "/body", "/postedAt", "/source", "/extra"]));
  });

  it("rejects an image url that is neither http(s) nor file", () => {
    expect(checkMessage(TOPICS.adsRaw, { ...rawAd, images: [{ url: "ftp://x/a.jpg" }] }).ok).toBe(false);
  });

  it("validates nested extraction in an extracted ad", () => {
    const extraction = {
      language: "es",
      phones: [],
      emails: [],
      handles: [],
      urls: [],
      ages: [],
      prices: [],
      names: [],
      locations: [],
    };
    expect(checkMessage(TOPICS.adsExtracted, { id: "ad-1", ad: rawAd, extraction }).ok).toBe(true);
    const badPhone = {
      e164: "55551234",
      country: "GT",
      rule: "ad-country",
      obfuscations: [],
      confidence: 1,
      raw: "x",
      start: 0,
      end: 1,
    };
    const result = checkMessage(TOPICS.adsExtracted, {
      id: "ad-1",
      ad: rawAd,
      extraction: { ...extraction, phones: [badPhone] },
    });
    expect(result.ok).toBe(false);
  });

  it("every topic constant has a schema", () => {
    expect(Object.keys(TOPIC_SCHEMA_IDS).sort()).toEqual(Object.values(TOPICS).sort());
  });
});
