import { describe, expect, it } from "vitest";
import {
  createClusterer,
  createMatcher,
  createResolver,
  type Layer,
  type MatchBatch,
  type ResolutionUpdate,
} from "../src/index.js";
import { generateAds, shuffle } from "./synthetic.js";

const ads = shuffle(generateAds({ networks: 30, seed: 11 }), 3).map((ad) => ad.features);

/** Ads per entity id, at one layer, from a lookup of each ad's entity. */
function entities(entityOf: (adId: string, layer: Layer) => string | undefined, layer: Layer): string[] {
  const groups = new Map<string, string[]>();
  for (const { adId } of ads) {
    const id = entityOf(adId, layer) ?? `none:${adId}`;
    groups.set(id, [...(groups.get(id) ?? []), adId]);
  }
  return [...groups].map(([id, members]) => `${id}=${members.sort().join(",")}`).sort();
}

/** Runs N matcher replicas and the clusterer, delivering batches in a scrambled interleaving. */
function split(replicas: number, seed: number) {
  const matchers = Array.from({ length: replicas }, (_, replica) => createMatcher({}, { replica, replicas }));
  const clusterer = createClusterer();
  const batches: MatchBatch[] = [];
  const updates = new Map<string, ResolutionUpdate>();
  for (const features of ads) for (const matcher of matchers) batches.push(matcher.match(features) as MatchBatch);
  // Replicas run at their own pace: deliver each replica's stream in order, interleaved at random.
  const streams = matchers.map((_, replica) => batches.filter((batch) => batch.replica === replica));
  const order = shuffle(
    streams.flatMap((stream, replica) => stream.map(() => replica)),
    seed,
  );
  for (const replica of order) {
    const batch = streams[replica]?.shift() as MatchBatch;
    for (const taken of clusterer.receive(batch).taken) updates.set(taken.adId, taken.update);
  }
  return { clusterer, updates, matchers };
}

describe("matcher replicas and the clusterer", () => {
  const single = createResolver();
  const singleUpdates = new Map(ads.map((features) => [features.adId, single.ingest(features)]));
  const singleEntity = (adId: string, layer: Layer) => single.entityOfAd(adId, layer)?.id;

  it("covers demotions that undo links (the case where replicas re-score their own pairs)", () => {
    expect(single.generics().length).toBeGreaterThan(0);
    const undone = [...singleUpdates.values()].flatMap((update) => update.links.filter((link) => !link.linked));
    expect(undone.length).toBeGreaterThan(0);
  });

  it.each([1, 2, 3])("build the entities of one resolver, ids included, with %i replica(s)", (replicas) => {
    const { clusterer } = split(replicas, replicas);
    expect(clusterer.taken).toBe(ads.length);
    expect(clusterer.pending).toBe(0);
    for (const layer of ["network", "persona"] as const) {
      expect(entities(clusterer.entityOf, layer)).toEqual(entities(singleEntity, layer));
    }
  });

  it("reports each ad's entity changes and resolved ads as one resolver does", () => {
    const { updates } = split(2, 9);
    for (const { adId } of ads) {
      const [mine, theirs] = [updates.get(adId), singleUpdates.get(adId)];
      expect(mine?.resolved).toEqual(theirs?.resolved);
      expect(mine?.changes).toEqual(theirs?.changes);
      expect(new Set(mine?.demotions.map((d) => d.key))).toEqual(new Set(theirs?.demotions.map((d) => d.key)));
    }
  });

  it("divides the scoring: every pair is scored by one replica only", () => {
    const { matchers } = split(2, 4);
    const pairs = new Map<string, number>();
    const again = [createMatcher({}, { replica: 0, replicas: 2 }), createMatcher({}, { replica: 1, replicas: 2 })];
    for (const features of ads) {
      for (const matcher of again) {
        for (const edge of matcher.match(features)?.edges ?? []) {
          const key = `${edge.a}-${edge.b}`;
          expect(edge.b % 2).toBe(matcher.share.replica);
          pairs.set(key, (pairs.get(key) ?? 0) | (1 << matcher.share.replica));
        }
      }
    }
    expect([...pairs.values()].every((owners) => owners === 1 || owners === 2)).toBe(true);
    expect(matchers.map((matcher) => matcher.taken)).toEqual([ads.length, ads.length]);
  });

  it("takes an ad once however often a batch is replayed, and waits for every replica", () => {
    const [first, second] = [
      createMatcher({}, { replica: 0, replicas: 2 }),
      createMatcher({}, { replica: 1, replicas: 2 }),
    ];
    const clusterer = createClusterer();
    const [a, b] = [ads[0], ads[1]].map((features) => features ?? ads[0]) as [(typeof ads)[0], (typeof ads)[0]];
    const batchesA = [first.match(a), second.match(a)] as MatchBatch[];
    expect(first.match(a)).toBeUndefined();
    const batchesB = [first.match(b), second.match(b)] as MatchBatch[];
    expect(clusterer.receive(batchesB[0] as MatchBatch)).toEqual({ accepted: true, taken: [] });
    expect(clusterer.receive(batchesA[1] as MatchBatch).taken).toEqual([]);
    expect(clusterer.receive(batchesA[1] as MatchBatch).accepted).toBe(false);
    expect(clusterer.pending).toBe(2);
    const taken = clusterer.receive(batchesA[0] as MatchBatch).taken.map((ad) => ad.adId);
    expect(taken).toEqual([a.adId]);
    expect(clusterer.receive(batchesB[1] as MatchBatch).taken.map((ad) => ad.adId)).toEqual([b.adId]);
    expect(clusterer.receive(batchesA[0] as MatchBatch).accepted).toBe(false);
    expect(clusterer.taken).toBe(2);
  });

  it("rejects a share that names no replica", () => {
    expect(() => createMatcher({}, { replica: 2, replicas: 2 })).toThrow(RangeError);
  });
});
