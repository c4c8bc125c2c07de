/**
 * Ads for the Elasticsearch benchmarks: the search benchmarks' synthetic text (bench/search-corpus.ts)
 * plus persona/network ids and PDQ hashes, deterministic from the seed. About one ad in four shares
 * its photo with an earlier ad (a near copy at a small Hamming distance), as reposted ads do.
 */
import type { EsAdInput } from "@nexus/es";
import { prng, syntheticAds } from "./search-corpus.js";

function randomHash(next: () => number): string {
  let out = "";
  for (let i = 0; i < 64; i++) out += Math.floor(next() * 16).toString(16);
  return out;
}

/** Flip `flips` random bits of a hex hash. */
export function perturb(hash: string, flips: number, next: () => number): string {
  const nibbles = [...hash].map((h) => Number.parseInt(h, 16));
  for (let i = 0; i < flips; i++) {
    const bit = Math.floor(next() * 256);
    nibbles[bit >> 2] = (nibbles[bit >> 2] ?? 0) ^ (1 << (bit & 3));
  }
  return nibbles.map((n) => n.toString(16)).join("");
}

export function esAds(count: number, seed = 42): EsAdInput[] {
  const next = prng(seed + 1);
  const hashes: string[] = [];
  return syntheticAds(count, seed).map((doc, i) => {
    const earlier = hashes[Math.floor(next() * hashes.length)];
    const pdq = earlier !== undefined && next() < 0.25 ? perturb(earlier, 8, next) : randomHash(next);
    hashes.push(pdq);
    const persona = `p-${Math.floor(i / 3)}`;
    return {
      adId: doc.id,
      source: doc.source ?? "site",
      body: doc.body,
      ...(doc.title === undefined ? {} : { title: doc.title }),
      ...(doc.country === undefined ? {} : { country: doc.country }),
      ...(doc.city === undefined ? {} : { city: doc.city }),
      ...(doc.postedAt === undefined ? {} : { postedAt: doc.postedAt }),
      phones: [...(doc.phones ?? [])],
      personaId: persona,
      networkId: `n-${Math.floor(i / 12)}`,
      pdq: [pdq],
    };
  });
}
