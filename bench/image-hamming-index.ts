/**
 * Multi-index Hamming index vs brute-force scan at 1M stored PDQ hashes, same run, same queries.
 * Run: npx tsx --conditions=nexus-source bench/image-hamming-index.ts [storedCount] [queries]
 * Two corpora: uniform random hashes (the MIH best case) and a clustered one (near-duplicate
 * families, as reposted photos produce). Every query's result set is checked against brute force.
 */
import { createHammingIndex, parseHashHex } from "@nexus/image-hash";
import { createRng } from "../test/corpus/rng.js";

const STORED = Number(process.argv[2] ?? 1_000_000);
const QUERIES = Number(process.argv[3] ?? 200);
const RUNS = 5;
const RADIUS = 31;

/** The corpus generator's seeded mulberry32: same seed, same numbers. */
const rng = (seed: number): (() => number) => createRng(seed).next;
const randomWords = (r: () => number) => Uint32Array.from({ length: 8 }, () => Math.floor(r() * 2 ** 32));
function flip(words: Uint32Array, bits: number, r: () => number): Uint32Array {
  const out = Uint32Array.from(words);
  const chosen = new Set<number>();
  while (chosen.size < bits) chosen.add(Math.floor(r() * 256));
  for (const b of chosen) out[b >> 5] = ((out[b >> 5] as number) ^ (1 << (b & 31))) >>> 0;
  return out;
}
const hex = (w: Uint32Array) => Array.from(w, (x) => x.toString(16).padStart(8, "0")).join("");

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
function bruteForce(all: Uint32Array, n: number, q: Uint32Array, radius: number): number[] {
  const out: number[] = [];
  const [q0, q1, q2, q3, q4, q5, q6, q7] = q as unknown as number[];
  for (let i = 0, o = 0; i < n; i++, o += 8) {
    const d =
      popcount((all[o] as number) ^ (q0 as number)) +
      popcount((all[o + 1] as number) ^ (q1 as number)) +
      popcount((all[o + 2] as number) ^ (q2 as number)) +
      popcount((all[o + 3] as number) ^ (q3 as number)) +
      popcount((all[o + 4] as number) ^ (q4 as number)) +
      popcount((all[o + 5] as number) ^ (q5 as number)) +
      popcount((all[o + 6] as number) ^ (q6 as number)) +
      popcount((all[o + 7] as number) ^ (q7 as number));
    if (d <= radius) out.push(i);
  }
  return out;
}

function corpus(kind: "uniform" | "clustered", r: () => number): Uint32Array[] {
  const out: Uint32Array[] = [];
  if (kind === "uniform") for (let i = 0; i < STORED; i++) out.push(randomWords(r));
  else {
    // families of 20 re-uploads, 2..40 bits from their original
    while (out.length < STORED) {
      const centre = randomWords(r);
      for (let k = 0; k < 20 && out.length < STORED; k++) out.push(flip(centre, 2 + Math.floor(r() * 39), r));
    }
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

async function benchCorpus(kind: "uniform" | "clustered"): Promise<void> {
  const r = rng(kind === "uniform" ? 1 : 2);
  const stored = corpus(kind, r);
  const flat = new Uint32Array(STORED * 8);
  stored.forEach((w, i) => {
    flat.set(w, i * 8);
  });
  const t0 = performance.now();
  const index = createHammingIndex<number>({ maxDistance: 64 });
  for (let i = 0; i < STORED; i++) index.add(hex(stored[i] as Uint32Array), i);
  const buildMs = performance.now() - t0;
  // Queries: half near a stored hash (0..40 bits away), half unrelated.
  const queries = Array.from({ length: QUERIES }, (_, i) =>
    hex(i % 2 === 0 ? flip(stored[Math.floor(r() * STORED)] as Uint32Array, Math.floor(r() * 41), r) : randomWords(r)),
  );
  const parsed = queries.map(parseHashHex);
  let misses = 0;
  let extras = 0;
  let found = 0;
  const indexTimes: number[] = [];
  const bruteTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now();
    const fromIndex = queries.map((q) => index.query(q, RADIUS).map((m) => m.value));
    indexTimes.push((performance.now() - t) / QUERIES);
    t = performance.now();
    const fromBrute = parsed.map((q) => bruteForce(flat, STORED, q, RADIUS));
    bruteTimes.push((performance.now() - t) / QUERIES);
    if (run === 0) {
      fromBrute.forEach((expected, i) => {
        const got = new Set(fromIndex[i]);
        for (const id of expected) if (!got.has(id)) misses++;
        extras += (fromIndex[i]?.length ?? 0) - expected.filter((id) => got.has(id)).length;
        found += expected.length;
      });
    }
  }
  const idx = median(indexTimes);
  const bf = median(bruteTimes);
  console.log(
    `| ${kind} | ${STORED.toLocaleString("en")} | ${QUERIES} | ${found} | ${misses} | ${extras} | ${idx.toFixed(3)} | ${bf.toFixed(2)} | ${(bf / idx).toFixed(0)}x | ${(buildMs / 1000).toFixed(1)} |`,
  );
}

console.log(`radius ${RADIUS}, median of ${RUNS} runs, ms per query`);
console.log(
  "| corpus | stored | queries | true neighbours | misses | false extras | index ms/query | brute ms/query | speed-up | build s |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|");
await benchCorpus("uniform");
await benchCorpus("clustered");
