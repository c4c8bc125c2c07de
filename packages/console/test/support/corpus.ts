import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";

export interface CorpusAd {
  id: string;
  title?: string;
  body: string;
  country?: string;
  city?: string;
  images?: { url: string }[];
}

export interface TruthLine {
  adId: string;
  personaId: string;
  networkId: string;
  phones: string[];
  confounders: string[];
  challenges: string[];
}

const lines = <T>(file: string): T[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);

/** The generated corpus the suite ingested, with its ground truth, to pick ads to look at. */
export function corpus(): { ads: CorpusAd[]; truth: TruthLine[] } {
  const dir = inject("corpusDir");
  return { ads: lines<CorpusAd>(join(dir, "ads.jsonl")), truth: lines<TruthLine>(join(dir, "truth.jsonl")) };
}
