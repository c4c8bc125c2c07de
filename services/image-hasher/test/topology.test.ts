import { createTestDriver } from "@nexus/kafka-runtime";
import { type EnrichedAd, TOPICS } from "@nexus/schemas";
import { describe, expect, it } from "vitest";
import { createImageHasherTopology } from "../src/topology.js";

const hex = "ab".repeat(32);
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

describe("image-hasher topology", () => {
  it("records hashes of good images and the reason for bad ones", async () => {
    const driver = createTestDriver(
      createImageHasherTopology({
        async hash(ref) {
          if ("url" in ref && ref.url.endsWith("bad.jpg")) throw new Error("not an image");
          return { pdq: hex, quality: 90, dihedral: Array(8).fill(hex), width: 4, height: 4, sha256: hex };
        },
      }),
    );
    const ad = {
      id: "a",
      source: "s",
      body: "x",
      images: [{ url: "https://x.test/ok.jpg" }, { url: "https://x.test/bad.jpg" }],
    };
    await driver.send({ id: "a", ad, extraction }, "a");
    const enriched = driver.values<EnrichedAd>(TOPICS.adsEnriched)[0];
    expect(enriched?.images[0]).toMatchObject({ index: 0, pdq: hex, quality: 90 });
    expect(enriched?.images[1]).toMatchObject({ index: 1, error: { code: "NEXUS_IMAGE_DECODE" } });
  });
});
