import type { Topology } from "@nexus/kafka-runtime";
import { enrichAd, type ImageHasherPort } from "@nexus/pipeline";
import { TOPICS } from "@nexus/schemas";

/** imagehash: extracted ad → enriched ad with PDQ hashes (or per-image failure reasons). Stateless. */
export function createImageHasherTopology(hasher: ImageHasherPort): Topology<typeof TOPICS.adsExtracted> {
  return {
    name: "nexus-image-hasher",
    input: TOPICS.adsExtracted,
    outputs: [TOPICS.adsEnriched],
    handle: async (extracted) => [
      { topic: TOPICS.adsEnriched, key: extracted.id, value: await enrichAd(extracted, hasher) },
    ],
  };
}
