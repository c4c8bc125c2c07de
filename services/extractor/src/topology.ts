import type { Topology } from "@nexus/kafka-runtime";
import { extractAd, normaliseRawAd } from "@nexus/pipeline";
import { TOPICS } from "@nexus/schemas";

/** extract: raw ad → extracted ad, keyed by ad id. Stateless: scale with partitions and instances. */
export const extractorTopology: Topology<typeof TOPICS.adsRaw> = {
  name: "nexus-extractor",
  input: TOPICS.adsRaw,
  outputs: [TOPICS.adsExtracted],
  handle: (ad) => [{ topic: TOPICS.adsExtracted, key: ad.id, value: extractAd(normaliseRawAd(ad)) }],
};
