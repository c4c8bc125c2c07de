/**
 * Rewrites eval/generated.jsonl (seeded, so the file only changes when the generator does).
 * Run: npx tsx --conditions=nexus-source packages/extraction/scripts/generate-eval.ts
 */
import { writeFileSync } from "node:fs";
import { generate } from "../eval/generate.js";

const SEED = 20261123;
const COUNT = 450;
const ads = generate(SEED, COUNT);
const out = new URL("../eval/generated.jsonl", import.meta.url);
writeFileSync(out, `${ads.map((a) => JSON.stringify(a)).join("\n")}\n`);
console.log(`wrote ${ads.length} ads to ${out.pathname}`);
