import { describe, expect, it } from "vitest";
import { createHammingIndex, hammingDistance } from "../src/index.js";
import { flipBits, randomHashHex, readLines, seededRandom } from "./vectors.js";

function bruteForce(
  stored: readonly string[],
  query: string,
  maxDistance: number,
): { value: number; distance: number }[] {
  return stored
    .map((hash, value) => ({ value, distance: hammingDistance(hash, query) }))
    .filter((match) => match.distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance || a.value - b.value);
}

describe("createHammingIndex", () => {
  it("finds exactly what brute force finds, at every distance, on planted neighbours", () => {
    const random = seededRandom(42);
    const centres = Array.from({ length: 40 }, () => randomHashHex(random));
    const stored: string[] = [];
    for (const centre of centres) {
      for (let bits = 0; bits <= 64; bits += 1) stored.push(flipBits(centre, bits, random));
    }
    for (let i = 0; i < 2000; i++) stored.push(randomHashHex(random));
    const index = createHammingIndex<number>({ maxDistance: 64 });
    stored.forEach((hash, i) => {
      index.add(hash, i);
    });
    expect(index.size).toBe(stored.length);
    for (const centre of centres.slice(0, 10)) {
      for (const d of [0, 1, 5, 15, 16, 17, 31, 32, 40, 47, 64]) {
        expect(index.query(centre, d)).toEqual(bruteForce(stored, centre, d));
      }
    }
  });

  it("matches brute force on upstream's haystack and needles at distance 31", () => {
    const haystack = readLines("data/reg-test-input/haystack.txt");
    const needles = readLines("data/reg-test-input/needles.txt");
    const index = createHammingIndex<number>();
    haystack.forEach((hash, i) => {
      index.add(hash, i);
    });
    let found = 0;
    for (const needle of needles) {
      const expected = bruteForce(haystack, needle, 31);
      expect(index.query(needle, 31)).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(0);
  });

  it("keeps duplicates, supports adds after queries and grows past its initial capacity", () => {
    const random = seededRandom(9);
    const index = createHammingIndex<string>();
    const hash = randomHashHex(random);
    index.add(hash, "a");
    expect(index.query(hash, 0)).toEqual([{ value: "a", distance: 0 }]);
    for (let i = 0; i < 3000; i++) index.add(randomHashHex(random), `r${i}`);
    index.add(hash, "b");
    expect(index.query(hash, 0).map((m) => m.value)).toEqual(["a", "b"]);
    expect(index.size).toBe(3002);
  });

  it("stays exact across table rebuilds and the unindexed tail of recent adds", () => {
    const random = seededRandom(11);
    const centre = randomHashHex(random);
    const stored: string[] = [];
    const index = createHammingIndex<number>();
    const addBatch = (n: number) => {
      for (let i = 0; i < n; i++) {
        const hash = i % 50 === 0 ? flipBits(centre, i % 40, random) : randomHashHex(random);
        index.add(hash, stored.length);
        stored.push(hash);
      }
    };
    addBatch(5000);
    expect(index.query(centre, 31)).toEqual(bruteForce(stored, centre, 31));
    addBatch(700);
    expect(index.query(centre, 31)).toEqual(bruteForce(stored, centre, 31));
    addBatch(3000);
    expect(index.query(centre, 20)).toEqual(bruteForce(stored, centre, 20));
  });

  it("rejects distances beyond its configured bound and bad hashes", () => {
    const index = createHammingIndex<number>({ maxDistance: 31 });
    expect(() => index.query("0".repeat(64), 32)).toThrow(RangeError);
    expect(() => index.query("0".repeat(64), -1)).toThrow(RangeError);
    expect(() => index.add("xyz", 1)).toThrow(RangeError);
  });
});
