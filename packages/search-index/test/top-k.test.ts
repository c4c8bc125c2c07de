import { describe, expect, it } from "vitest";
import { compareRanked, type Ranked, topK } from "../src/top-k.js";

describe("topK", () => {
  it("equals a full sort's prefix for every k", () => {
    const items: Ranked[] = Array.from({ length: 200 }, (_, i) => ({
      num: i,
      id: `id-${String((i * 7919) % 200).padStart(3, "0")}`,
      score: (i * 31) % 17,
    }));
    const source = { idOf: (num: number) => items[num]?.id ?? "", scoreOf: (num: number) => items[num]?.score ?? 0 };
    const nums = items.map((item) => item.num);
    const sorted = [...items].sort(compareRanked);
    for (const k of [0, 1, 5, 10, 199, 200, 500]) expect(topK(nums, source, k)).toEqual(sorted.slice(0, k));
  });
});
