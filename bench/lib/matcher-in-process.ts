import { type AdFeatures, createClusterer, createMatcher, createResolver, type MatchBatch } from "@nexus/resolution";
import { generateAds, shuffle } from "../../packages/resolution/test/synthetic.js";

export interface InProcessResult {
  ads: number;
  resolverMs: number;
  oneReplicaMs: number;
  twoReplicaMs: number[];
  clustererMs: number;
  /** Links changed, as reported in batches: by 1 replica, and by each of 2. */
  pairs: { one: number; two: number[] };
  sameEntities: boolean;
}

/** CPU milliseconds (user + system) of `work`, which runs on this thread. */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function replicaRun(
  ads: readonly AdFeatures[],
  replica: number,
  replicas: number,
): { ms: number; batches: MatchBatch[] } {
  const matcher = createMatcher({}, { replica, replicas });
  const batches: MatchBatch[] = [];
  const ms = cpuMs(() => {
    for (const ad of ads) batches.push(matcher.match(ad) as MatchBatch);
  });
  return { ms, batches };
}

const canonical = (groups: { adIds: string[] }[]): string =>
  groups
    .map((group) => [...group.adIds].sort().join(","))
    .sort()
    .join("\n");

/** Part A of bench/matcher-scaling.ts: each replica's CPU on the same synthetic ads. */
export function splitInProcess(options: { networks: number; runs: number }): InProcessResult {
  const ads = shuffle(generateAds({ networks: options.networks, seed: 21 }), 5).map((ad) => ad.features);
  const samples = {
    resolver: [] as number[],
    one: [] as number[],
    zero: [] as number[],
    first: [] as number[],
    clusterer: [] as number[],
  };
  let last: { one: MatchBatch[]; two: MatchBatch[][]; same: boolean } = { one: [], two: [], same: false };
  for (let run = 0; run < options.runs; run++) {
    const resolver = createResolver();
    samples.resolver.push(
      cpuMs(() => {
        for (const ad of ads) resolver.ingest(ad);
      }),
    );
    const one = replicaRun(ads, 0, 1);
    const two = [replicaRun(ads, 0, 2), replicaRun(ads, 1, 2)];
    samples.one.push(one.ms);
    samples.zero.push(two[0]?.ms ?? 0);
    samples.first.push(two[1]?.ms ?? 0);
    const clusterer = createClusterer();
    samples.clusterer.push(
      cpuMs(() => {
        for (let i = 0; i < ads.length; i++)
          for (const replica of two) clusterer.receive(replica.batches[i] as MatchBatch);
      }),
    );
    const same = canonical(clusterer.entities()) === canonical(resolver.entities("network"));
    last = { one: one.batches, two: two.map((replica) => replica.batches), same };
  }
  const links = (batches: MatchBatch[]): number => batches.reduce((sum, batch) => sum + batch.edges.length, 0);
  return {
    ads: ads.length,
    resolverMs: median(samples.resolver),
    oneReplicaMs: median(samples.one),
    twoReplicaMs: [median(samples.zero), median(samples.first)],
    clustererMs: median(samples.clusterer),
    pairs: { one: links(last.one), two: last.two.map(links) },
    sameEntities: last.same,
  };
}
