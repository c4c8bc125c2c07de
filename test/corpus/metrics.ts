/**
 * Clustering metrics for entity resolution. A clustering is a map item -> cluster label; the truth's
 * items are the ones scored, and an item the prediction does not mention is its own singleton.
 * Both metrics work from the contingency table (truth label x predicted label), so they cost O(n).
 */

export type Clustering = ReadonlyMap<string, string>;

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

interface Contingency {
  /** Items per (truth, predicted) cell. */
  cells: Map<string, number>;
  truthSizes: Map<string, number>;
  predictedSizes: Map<string, number>;
  cellLabels: Map<string, [string, string]>;
  items: number;
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function contingency(truth: Clustering, predicted: Clustering): Contingency {
  const table: Contingency = {
    cells: new Map(),
    truthSizes: new Map(),
    predictedSizes: new Map(),
    cellLabels: new Map(),
    items: truth.size,
  };
  for (const [item, truthLabel] of truth) {
    // NUL cannot occur in JSON-borne ids, so it separates the two labels safely.
    const predictedLabel = predicted.get(item) ?? `\u0000singleton\u0000${item}`;
    const cell = `${truthLabel}\u0000${predictedLabel}`;
    increment(table.cells, cell);
    increment(table.truthSizes, truthLabel);
    increment(table.predictedSizes, predictedLabel);
    table.cellLabels.set(cell, [truthLabel, predictedLabel]);
  }
  return table;
}

/**
 * B-cubed (Bagga & Baldwin 1998): per item, precision = share of its predicted cluster that is truly
 * with it, recall = share of its true cluster that was predicted with it; both averaged over items.
 * Empty input scores 1 (nothing to get wrong).
 */
export function bcubed(truth: Clustering, predicted: Clustering): Scores {
  const table = contingency(truth, predicted);
  if (table.items === 0) return { precision: 1, recall: 1, f1: 1 };
  let precisionSum = 0;
  let recallSum = 0;
  for (const [cell, count] of table.cells) {
    const [truthLabel, predictedLabel] = table.cellLabels.get(cell) as [string, string];
    // Each of the `count` items in this cell has `count` correct companions (itself included).
    precisionSum += (count * count) / (table.predictedSizes.get(predictedLabel) as number);
    recallSum += (count * count) / (table.truthSizes.get(truthLabel) as number);
  }
  const precision = precisionSum / table.items;
  const recall = recallSum / table.items;
  return { precision, recall, f1: f1(precision, recall) };
}

function pairs(size: number): number {
  return (size * (size - 1)) / 2;
}

/**
 * Pairwise: over unordered pairs of distinct items, precision = same-truth pairs among pairs predicted
 * together, recall = pairs predicted together among same-truth pairs. With no predicted pairs
 * precision is 1; with no true pairs recall is 1 (no pair was missed).
 */
export function pairwise(
  truth: Clustering,
  predicted: Clustering,
): Scores & { truePairs: number; predictedPairs: number; correctPairs: number } {
  const table = contingency(truth, predicted);
  let correctPairs = 0;
  for (const count of table.cells.values()) correctPairs += pairs(count);
  let truePairs = 0;
  for (const size of table.truthSizes.values()) truePairs += pairs(size);
  let predictedPairs = 0;
  for (const size of table.predictedSizes.values()) predictedPairs += pairs(size);
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  return { precision, recall, f1: f1(precision, recall), truePairs, predictedPairs, correctPairs };
}

/** Builds a clustering from entity lines ({id, adIds}); an ad listed twice keeps its first entity. */
export function clusteringFromEntities(
  entities: Iterable<{ id: string; adIds: readonly string[] }>,
): Map<string, string> {
  const clustering = new Map<string, string>();
  for (const entity of entities) {
    for (const adId of entity.adIds) if (!clustering.has(adId)) clustering.set(adId, entity.id);
  }
  return clustering;
}
