/**
 * Evaluation command: scores an `entities` output against a corpus's truth, beside the phone-only
 * baseline computed from the ads.
 *
 *   npx tsx --conditions=nexus-source test/corpus/evaluate.ts --truth DIR/truth.jsonl \
 *     [--entities ENTITIES.jsonl] [--layer network|persona] [--ads DIR/ads.jsonl] [--json]
 */
import { argv, stderr, stdout } from "node:process";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { type EvaluateOptions, evaluate, formatEvaluation, type Layer } from "./evaluation.js";

export { type Evaluation, evaluate, formatEvaluation } from "./evaluation.js";

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: argv.slice(2),
    options: {
      truth: { type: "string" },
      entities: { type: "string" },
      layer: { type: "string", default: "network" },
      ads: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (!values.truth) throw new Error("--truth DIR/truth.jsonl is required");
  if (values.layer !== "network" && values.layer !== "persona")
    throw new Error(`--layer must be network or persona, got "${values.layer}"`);
  const options: EvaluateOptions = { truthPath: values.truth, layer: values.layer as Layer };
  if (values.entities) options.entitiesPath = values.entities;
  if (values.ads) options.adsPath = values.ads;
  const evaluation = await evaluate(options);
  stdout.write(values.json ? `${JSON.stringify(evaluation, null, 2)}\n` : formatEvaluation(evaluation));
}

if (argv[1] !== undefined && import.meta.url === pathToFileURL(argv[1]).href) {
  main().catch((error: unknown) => {
    stderr.write(`evaluate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
