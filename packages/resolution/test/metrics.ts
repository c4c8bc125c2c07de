/** Pairwise precision/recall and B-cubed F1 of a predicted clustering against the truth. */
export interface Scores {
  pairwisePrecision: number;
  pairwiseRecall: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
}

export function scoreClustering(predicted: ReadonlyMap<string, string>, truth: ReadonlyMap<string, string>): Scores {
  const clusterSizes = (labels: ReadonlyMap<string, string>): Map<string, number> => {
    const sizes = new Map<string, number>();
    for (const label of labels.values()) sizes.set(label, (sizes.get(label) ?? 0) + 1);
    return sizes;
  };
  const joint = new Map<string, number>();
  for (const [item, label] of predicted) {
    const key = `${label}\u0000${truth.get(item)}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const predictedSizes = clusterSizes(predicted);
  const truthSizes = clusterSizes(truth);
  const pairs = (count: number): number => (count * (count - 1)) / 2;
  let truePairs = 0;
  let bPrecision = 0;
  let bRecall = 0;
  for (const [key, count] of joint) {
    const [p, t] = key.split("\u0000") as [string, string];
    truePairs += pairs(count);
    bPrecision += (count * count) / (predictedSizes.get(p) ?? 1);
    bRecall += (count * count) / (truthSizes.get(t) ?? 1);
  }
  const predictedPairs = [...predictedSizes.values()].reduce((sum, size) => sum + pairs(size), 0);
  const actualPairs = [...truthSizes.values()].reduce((sum, size) => sum + pairs(size), 0);
  const n = predicted.size || 1;
  const precision = bPrecision / n;
  const recall = bRecall / n;
  return {
    pairwisePrecision: predictedPairs === 0 ? 1 : truePairs / predictedPairs,
    pairwiseRecall: actualPairs === 0 ? 1 : truePairs / actualPairs,
    bcubedPrecision: precision,
    bcubedRecall: recall,
    bcubedF1: (2 * precision * recall) / (precision + recall || 1),
  };
}
