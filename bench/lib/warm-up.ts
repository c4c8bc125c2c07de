import type { RawAd } from "@nexus/schemas";

const PREFIX = "warmup-";

/**
 * Copies of the corpus's first ads under other ids, sent before measuring so that cold start (JIT,
 * image-hash workers, first fetches, group joins) is not counted as alert latency. Their alerts are
 * left out of every figure.
 */
export function warmUpAds(ads: readonly RawAd[], count = 10): RawAd[] {
  return ads.slice(0, count).map((ad) => ({ ...ad, id: `${PREFIX}${ad.id}` }));
}

export const isWarmUp = (adId: string): boolean => adId.startsWith(PREFIX);
