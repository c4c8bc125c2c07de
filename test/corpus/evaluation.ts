/**
 * Scores resolved entities against a corpus's truth at the network or persona layer, beside the
 * naive phone-only baseline computed on the same ads.
 */
import { createReadStream, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { type BaselineAd, phoneBaseline } from "./baseline.js";
import { bcubed, type Clustering, clusteringFromEntities, pairwise, type Scores } from "./metrics.js";

export type Layer = "network" | "persona";

export interface MethodScores {
  clusters: number;
  bcubed: Scores;
  pairwise: Scores & { truePairs: number; predictedPairs: number; correctPairs: number };
}

export interface Evaluation {
  layer: Layer;
  ads: number;
  truthClusters: number;
  /** Truth ads absent from the entities file (scored as singletons). */
  missingFromEntities?: number;
  entities?: MethodScores;
  baseline?: MethodScores;
}

export async function* readJsonl<T>(path: string): AsyncGenerator<T> {
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;
    try {
      yield JSON.parse(line) as T;
    } catch (error) {
      throw new Error(`${path}:${lineNumber}: not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
}

interface TruthLine {
  adId: string;
  personaId: string;
  networkId: string;
}

interface EntityLine {
  id: string;
  adIds: string[];
  layer?: string;
}

export async function readTruth(path: string, layer: Layer): Promise<Map<string, string>> {
  const truth = new Map<string, string>();
  for await (const line of readJsonl<TruthLine>(path))
    truth.set(line.adId, layer === "network" ? line.networkId : line.personaId);
  return truth;
}

/** Entity lines of the layer asked for (lines without a layer field are taken as that layer). */
export async function readEntities(path: string, layer: Layer): Promise<Map<string, string>> {
  const entities: EntityLine[] = [];
  for await (const line of readJsonl<EntityLine>(path)) {
    if (typeof line.id !== "string" || !Array.isArray(line.adIds))
      throw new Error(`${path}: entity lines need "id" and "adIds"`);
    if (line.layer === undefined || line.layer === layer) entities.push(line);
  }
  return clusteringFromEntities(entities);
}

export function scoreClustering(truth: Clustering, predicted: Clustering): MethodScores {
  const clusters = new Set<string>();
  for (const item of truth.keys()) clusters.add(predicted.get(item) ?? `singleton:${item}`);
  return { clusters: clusters.size, bcubed: bcubed(truth, predicted), pairwise: pairwise(truth, predicted) };
}

export interface EvaluateOptions {
  truthPath: string;
  entitiesPath?: string;
  /** Defaults to ads.jsonl beside the truth file, when present. */
  adsPath?: string;
  layer?: Layer;
}

export async function evaluate(options: EvaluateOptions): Promise<Evaluation> {
  const layer = options.layer ?? "network";
  const truth = await readTruth(options.truthPath, layer);
  const result: Evaluation = { layer, ads: truth.size, truthClusters: new Set(truth.values()).size };
  if (options.entitiesPath !== undefined) {
    const predicted = await readEntities(options.entitiesPath, layer);
    result.missingFromEntities = [...truth.keys()].filter((adId) => !predicted.has(adId)).length;
    result.entities = scoreClustering(truth, predicted);
  }
  const adsPath = options.adsPath ?? join(dirname(options.truthPath), "ads.jsonl");
  if (options.adsPath !== undefined || existsSync(adsPath)) {
    const ads: BaselineAd[] = [];
    for await (const ad of readJsonl<BaselineAd>(adsPath)) ads.push(ad);
    result.baseline = scoreClustering(truth, phoneBaseline(ads));
  }
  return result;
}

function row(label: string, scores: MethodScores): string {
  const cells = [
    scores.bcubed.precision,
    scores.bcubed.recall,
    scores.bcubed.f1,
    scores.pairwise.precision,
    scores.pairwise.recall,
    scores.pairwise.f1,
  ];
  return `${label.padEnd(16)}${String(scores.clusters).padStart(9)}${cells.map((value) => value.toFixed(4).padStart(9)).join("")}`;
}

export function formatEvaluation(evaluation: Evaluation): string {
  const lines = [
    `layer ${evaluation.layer}: ${evaluation.ads} ads, ${evaluation.truthClusters} true clusters` +
      (evaluation.missingFromEntities
        ? ` (${evaluation.missingFromEntities} ads absent from entities, scored as singletons)`
        : ""),
    `${"".padEnd(16)}${["clusters", "B3-P", "B3-R", "B3-F1", "pair-P", "pair-R", "pair-F1"].map((h) => h.padStart(9)).join("")}`,
  ];
  if (evaluation.entities) lines.push(row("entities", evaluation.entities));
  if (evaluation.baseline) lines.push(row("phone baseline", evaluation.baseline));
  return `${lines.join("\n")}\n`;
}
