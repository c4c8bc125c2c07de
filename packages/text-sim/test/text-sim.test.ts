import { describe, expect, it } from "vitest";
import {
  createMinHasher,
  estimateJaccard,
  jaccard,
  lshBandKeys,
  lshCandidateProbability,
  nameSimilarity,
  normalizeForSimilarity,
  shingleSet,
  tokenize,
  wordShingles,
} from "../src/index.js";

const WORDS = ["hola", "soy", "maria", "linda", "besos", "zona", "ñandú", "Árbol", "😘", "123", "x"];

/** Deterministic pseudo-random texts for property checks (no randomness at run time). */
function texts(count: number): string[] {
  let state = 42;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: next() % 30 }, () => WORDS[next() % WORDS.length]).join(" "),
  );
}

describe("normalizeForSimilarity / tokenize", () => {
  it("folds case and accents and drops emoji, digits and one-letter noise", () => {
    expect(normalizeForSimilarity("Hola, SOY María 😘😘 llámame 5555-1234!")).toBe("hola soy maria llamame");
    expect(tokenize("Árbol x ÑANDÚ 3️⃣ b e s o s")).toEqual(["arbol", "nandu"]);
  });
  it("gives the same tokens for the same words written differently", () => {
    expect(tokenize("CHICA  linda,  nueva en la ZONA 10")).toEqual(tokenize("chica linda 💋 nueva en la zona"));
  });
});

describe("shingles", () => {
  it("makes overlapping word trigrams and one shingle for short texts", () => {
    expect(wordShingles(["a1", "b2", "c3", "d4"])).toEqual(["a1 b2 c3", "b2 c3 d4"]);
    expect(wordShingles(["hola", "amor"])).toEqual(["hola amor"]);
    expect(wordShingles([])).toEqual([]);
  });
  it("returns sorted unique hashes with their texts", () => {
    const set = shingleSet("hola soy maria hola soy maria");
    expect(set.hashes.length).toBe(3);
    for (let index = 1; index < set.hashes.length; index += 1) {
      expect(set.hashes[index - 1] as number).toBeLessThan(set.hashes[index] as number);
    }
    expect([...set.texts].sort()).toEqual(["hola soy maria", "maria hola soy", "soy maria hola"]);
  });
});

describe("jaccard and MinHash (properties)", () => {
  const sets = texts(60).map((text) => shingleSet(text).hashes);
  const hasher = createMinHasher();
  it("is symmetric, in [0,1], and 1 for identical non-empty sets", () => {
    for (const a of sets) {
      for (const b of sets) {
        const forward = jaccard(a, b);
        expect(forward).toBe(jaccard(b, a));
        expect(forward).toBeGreaterThanOrEqual(0);
        expect(forward).toBeLessThanOrEqual(1);
        const estimate = estimateJaccard(hasher.signature(a), hasher.signature(b));
        expect(estimate).toBe(estimateJaccard(hasher.signature(b), hasher.signature(a)));
        expect(estimate).toBeGreaterThanOrEqual(0);
        expect(estimate).toBeLessThanOrEqual(1);
      }
      if (a.length > 0) expect(jaccard(a, a)).toBe(1);
    }
  });
  it("ignores demoted hashes", () => {
    const a = Uint32Array.from([1, 2, 3, 10, 11]);
    const b = Uint32Array.from([1, 2, 3, 20, 21]);
    expect(jaccard(a, b)).toBeCloseTo(3 / 7);
    expect(jaccard(a, b, new Set([1, 2, 3]))).toBe(0);
    expect(jaccard(a, b, new Set([10, 11, 20, 21]))).toBe(1);
  });
  it("estimates Jaccard within sampling error and is deterministic", () => {
    const base = Array.from({ length: 200 }, (_, index) => index * 7919);
    const a = Uint32Array.from(base.slice(0, 150)).sort();
    const b = Uint32Array.from(base.slice(50, 200)).sort();
    const exact = jaccard(a, b); // 100 / 200
    const big = createMinHasher({ numHashes: 256 });
    expect(Math.abs(estimateJaccard(big.signature(a), big.signature(b)) - exact)).toBeLessThan(0.12);
    expect(Array.from(createMinHasher().signature(a))).toEqual(Array.from(hasher.signature(a)));
  });
  it("puts near-duplicates in a shared LSH band and the band curve is monotone", () => {
    const one = shingleSet("hola amor soy valentina nueva en la ciudad atiendo en hotel o domicilio besos").hashes;
    const two = shingleSet("hola amor soy valentina nueva en la ciudad atiendo en hotel y domicilio besos").hashes;
    const keysOne = new Set(lshBandKeys(hasher.signature(one), 16, 4));
    const shared = lshBandKeys(hasher.signature(two), 16, 4).filter((key) => keysOne.has(key));
    expect(shared.length).toBeGreaterThan(0);
    expect(lshCandidateProbability(0.8, 16, 4)).toBeGreaterThan(lshCandidateProbability(0.3, 16, 4));
  });
});

describe("nameSimilarity", () => {
  it("matches accents, case, nicknames and compound names", () => {
    expect(nameSimilarity("María", "MARIA")).toBe(1);
    expect(nameSimilarity("Lupita", "Guadalupe")).toBe(1);
    expect(nameSimilarity("Maria Jose", "maría")).toBe(1);
    expect(nameSimilarity("Valentina", "Valentyna")).toBeGreaterThan(0.8);
    expect(nameSimilarity("Daya", "Dayana")).toBe(0.9);
    expect(nameSimilarity("Paolita", "Paola")).toBe(0.9);
    expect(nameSimilarity("Ana", "Anabel")).toBeLessThan(0.8);
    expect(nameSimilarity("Valentina", "Camila")).toBeLessThan(0.5);
  });
  it("is symmetric and in [0,1]", () => {
    const names = [
      "Ana",
      "Anna",
      "Ána María",
      "",
      "Zoe",
      "Lupe",
      "guadalupe",
      "Kathy",
      "Paolita",
      "Paola",
      "Daya",
      "Dayana",
    ];
    for (const a of names) {
      for (const b of names) {
        const value = nameSimilarity(a, b);
        expect(value).toBe(nameSimilarity(b, a));
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });
});
