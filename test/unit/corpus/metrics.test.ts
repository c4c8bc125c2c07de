import { describe, expect, it } from "vitest";
import { bcubed, clusteringFromEntities, pairwise } from "../../corpus/metrics.js";

// Truth: {a, b, c} and {d, e}.
const truth = new Map([
  ["a", "T1"],
  ["b", "T1"],
  ["c", "T1"],
  ["d", "T2"],
  ["e", "T2"],
]);

describe("bcubed", () => {
  it("scores a partly wrong clustering as computed by hand", () => {
    // Predicted {a, b} and {c, d, e}. Precision per item: 1, 1, 1/3, 2/3, 2/3 -> 11/15.
    // Recall per item: 2/3, 2/3, 1/3, 1, 1 -> 11/15.
    const predicted = new Map([
      ["a", "P1"],
      ["b", "P1"],
      ["c", "P2"],
      ["d", "P2"],
      ["e", "P2"],
    ]);
    const scores = bcubed(truth, predicted);
    expect(scores.precision).toBeCloseTo(11 / 15, 12);
    expect(scores.recall).toBeCloseTo(11 / 15, 12);
    expect(scores.f1).toBeCloseTo(11 / 15, 12);
  });

  it("gives all-singletons full precision and recall 1/|true cluster| per item", () => {
    const scores = bcubed(truth, new Map());
    expect(scores.precision).toBe(1);
    expect(scores.recall).toBeCloseTo((3 * (1 / 3) + 2 * (1 / 2)) / 5, 12);
  });

  it("gives one giant cluster full recall and precision |true cluster|/n per item", () => {
    const giant = new Map([...truth.keys()].map((item) => [item, "all"]));
    const scores = bcubed(truth, giant);
    expect(scores.recall).toBe(1);
    expect(scores.precision).toBeCloseTo((3 * (3 / 5) + 2 * (2 / 5)) / 5, 12);
    expect(scores.f1).toBeCloseTo((2 * 0.52) / 1.52, 12);
  });

  it("treats ads missing from the prediction as singletons and ignores unknown ads", () => {
    // {a, b, z}: z is not in the truth; c, d, e are absent. Recall: 2/3, 2/3, 1/3, 1/2, 1/2 -> 8/15.
    const predicted = new Map([
      ["a", "X"],
      ["b", "X"],
      ["z", "X"],
    ]);
    const scores = bcubed(truth, predicted);
    expect(scores.precision).toBe(1);
    expect(scores.recall).toBeCloseTo(8 / 15, 12);
  });

  it("is perfect on the truth itself and on an empty truth", () => {
    expect(bcubed(truth, truth)).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(bcubed(new Map(), new Map([["a", "x"]]))).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
});

describe("pairwise", () => {
  it("counts pairs as computed by hand", () => {
    // True pairs: ab ac bc de (4). Predicted pairs: ab cd ce de (4). Correct: ab de (2).
    const predicted = new Map([
      ["a", "P1"],
      ["b", "P1"],
      ["c", "P2"],
      ["d", "P2"],
      ["e", "P2"],
    ]);
    const scores = pairwise(truth, predicted);
    expect(scores).toMatchObject({ truePairs: 4, predictedPairs: 4, correctPairs: 2 });
    expect(scores.precision).toBe(0.5);
    expect(scores.recall).toBe(0.5);
    expect(scores.f1).toBe(0.5);
  });

  it("scores one giant cluster 4/10 precision and all-singletons zero recall", () => {
    const giant = new Map([...truth.keys()].map((item) => [item, "all"]));
    expect(pairwise(truth, giant)).toMatchObject({ precision: 0.4, recall: 1, predictedPairs: 10 });
    expect(pairwise(truth, new Map())).toMatchObject({ precision: 1, recall: 0, f1: 0 });
  });
});

describe("clusteringFromEntities", () => {
  it("maps each ad to its entity and keeps the first entity of an ad listed twice", () => {
    const clustering = clusteringFromEntities([
      { id: "e1", adIds: ["a", "b"] },
      { id: "e2", adIds: ["b", "c"] },
    ]);
    expect([...clustering]).toEqual([
      ["a", "e1"],
      ["b", "e1"],
      ["c", "e2"],
    ]);
  });
});
