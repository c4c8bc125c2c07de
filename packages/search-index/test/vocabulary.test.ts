import { describe, expect, it } from "vitest";
import { fuzzyBudget, Vocabulary } from "../src/vocabulary.js";

describe("fuzzyBudget", () => {
  it.each([
    [3, 0],
    [4, 1],
    [7, 1],
    [8, 2],
    [15, 2],
  ])("%i characters → %i edits", (length, budget) => {
    expect(fuzzyBudget(length)).toBe(budget);
  });
});

describe("Vocabulary", () => {
  it("finds neighbours within the budget, never the term itself, numbers or phones", () => {
    const v = new Vocabulary();
    for (const t of ["jovencit", "jovenc", "hermos", "55123456", "+5025512"]) v.add(t);
    expect(v.near("jovensit", 2)).toEqual([{ term: "jovencit", distance: 1 }]);
    expect(v.near("hermos", 1)).toEqual([]);
    expect(v.near("55123457", 1)).toEqual([]);
    v.delete("jovencit");
    expect(v.near("jovensit", 2)).toEqual([]);
  });
});
