import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baselinePhones, phoneBaseline } from "../../corpus/baseline.js";
import { evaluate, formatEvaluation } from "../../corpus/evaluation.js";

describe("phoneBaseline", () => {
  it("joins ads sharing a plainly written number, transitively", () => {
    const clustering = phoneBaseline([
      { id: "a", body: "WhatsApp 5123 4567", country: "GT" },
      { id: "b", body: "llama al +502 5123 4567 o al 4098 7654", country: "GT" },
      { id: "c", body: "Cel 4098-7654", country: "GT" },
      { id: "d", body: "Cel 3209 8765", country: "GT" },
    ]);
    expect(clustering.get("a")).toBe(clustering.get("b"));
    expect(clustering.get("b")).toBe(clustering.get("c"));
    expect(clustering.get("d")).not.toBe(clustering.get("a"));
  });

  it("is naive: misses spelled numbers and is glued by a shared site number", () => {
    expect(baselinePhones({ id: "x", body: "cinco uno dos tres cuatro cinco seis siete", country: "GT" })).toEqual([]);
    const footer = "Soporte: +507 6470-0016";
    const clustering = phoneBaseline([
      { id: "a", body: `Ana 5123 4567\n${footer}`, country: "GT" },
      { id: "b", body: `Eva 3209 8765\n${footer}`, country: "GT" },
    ]);
    expect(clustering.get("a")).toBe(clustering.get("b"));
  });
});

describe("evaluate", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "nexus-eval-"));
    const truth = [
      { adId: "a", personaId: "p1", networkId: "n1" },
      { adId: "b", personaId: "p1", networkId: "n1" },
      { adId: "c", personaId: "p2", networkId: "n1" },
      { adId: "d", personaId: "p3", networkId: "n2" },
    ];
    const ads = [
      { id: "a", source: "s", body: "5123 4567", country: "GT" },
      { id: "b", source: "s", body: "5123 4567", country: "GT" },
      { id: "c", source: "s", body: "nada", country: "GT" },
      { id: "d", source: "s", body: "nada", country: "GT" },
    ];
    const entities = [
      { id: "E1", layer: "network", adIds: ["a", "b", "c"] },
      { id: "P1", layer: "persona", adIds: ["a", "b"] },
    ];
    const jsonl = (values: unknown[]) => values.map((value) => JSON.stringify(value)).join("\n");
    await writeFile(join(dir, "truth.jsonl"), jsonl(truth));
    await writeFile(join(dir, "ads.jsonl"), jsonl(ads));
    await writeFile(join(dir, "entities.jsonl"), jsonl(entities));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("scores the entities of the chosen layer beside the baseline from ads.jsonl", async () => {
    const network = await evaluate({ truthPath: join(dir, "truth.jsonl"), entitiesPath: join(dir, "entities.jsonl") });
    expect(network).toMatchObject({ layer: "network", ads: 4, truthClusters: 2, missingFromEntities: 1 });
    expect(network.entities?.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
    // Baseline joins a+b only: n1 recall per item 2/3, 2/3, 1/3; d 1 -> 8/12.
    expect(network.baseline?.bcubed.recall).toBeCloseTo(2 / 3, 12);
    expect(network.baseline?.pairwise).toMatchObject({ precision: 1, correctPairs: 1, truePairs: 3 });

    const persona = await evaluate({
      truthPath: join(dir, "truth.jsonl"),
      entitiesPath: join(dir, "entities.jsonl"),
      layer: "persona",
    });
    expect(persona.entities?.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(persona.entities?.clusters).toBe(3);
    expect(formatEvaluation(persona)).toMatch(/entities\s+3\s+1\.0000/);
    expect(formatEvaluation(persona)).toContain("phone baseline");
  });
});
