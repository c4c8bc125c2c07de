/**
 * A realistic watch list for the alert benchmarks: a few hundred watches taken from the corpus
 * itself (they fire), padded with unrelated ones of every kind up to the requested count (they load
 * the indexes the way a large case load would, and must not fire).
 */
import { normaliseWatch, type WatchRequest } from "@nexus/alerting";
import { extractAd } from "@nexus/pipeline";
import type { RawAd, Watch } from "@nexus/schemas";
import { createRng } from "../../test/corpus/rng.js";

const hex = (rng: ReturnType<typeof createRng>, chars: number): string =>
  Array.from({ length: chars }, () => rng.int(0, 15).toString(16)).join("");

function corpusWatches(ads: readonly RawAd[]): WatchRequest[] {
  const requests: WatchRequest[] = [];
  const phones = new Set<string>();
  ads.forEach((ad, i) => {
    const extracted = extractAd(ad);
    const phone = extracted.extraction.phones[0]?.e164;
    if (i % 4 === 0 && phone && !phones.has(phone)) {
      phones.add(phone);
      requests.push({ kind: "phone", value: phone });
    }
    const words = ad.body.split(/\s+/).filter((word) => /^[a-záéíóúñ]{6,}$/i.test(word));
    if (i % 10 === 5 && words.length >= 2) requests.push({ kind: "text", value: `"${words[0]} ${words[1]}"` });
  });
  return requests;
}

function paddingWatch(rng: ReturnType<typeof createRng>, i: number): WatchRequest {
  switch (i % 5) {
    case 0:
      return { kind: "phone", value: `+507 6${String(rng.int(0, 9_999_999)).padStart(7, "0")}` };
    case 1:
      return { kind: "email", value: `caso${i}@fiscalia.example.org` };
    case 2:
      return { kind: "handle", value: `instagram:caso_${i}` };
    case 3: {
      const pdq = hex(rng, 64);
      return { kind: "image", value: `case-photo-${i}`, image: { pdq, quality: 90, dihedral: [pdq] } };
    }
    default:
      return { kind: "text", value: `expediente${i} "clave zq${hex(rng, 6)}"` };
  }
}

/** `count` watch requests, the corpus-derived ones first; deterministic for the seed. */
export function watchRequests(ads: readonly RawAd[], count: number, seed = 1): WatchRequest[] {
  const rng = createRng(`watch-load-${seed}`);
  const requests = corpusWatches(ads).slice(0, count);
  for (let i = requests.length; i < count; i += 1) requests.push(paddingWatch(rng, i));
  return requests;
}

/** The same list as stored watches with deterministic ids (what the API would have produced). */
export function watchLoad(ads: readonly RawAd[], count: number, seed = 1): Watch[] {
  return watchRequests(ads, count, seed).map((request, i) =>
    normaliseWatch(request, { id: `w_bench${String(i).padStart(6, "0")}`, createdAt: "2026-11-23T00:00:00.000Z" }),
  );
}
