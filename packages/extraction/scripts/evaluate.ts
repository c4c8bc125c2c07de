/**
 * Prints precision/recall/F1 per field for @nexus/extraction beside plain libphonenumber-js
 * `findPhoneNumbersInText` (ad country as default) on the labelled ads in eval/, and exits 1 when
 * an acceptance threshold is not met. `--mistakes` also lists every miss and false positive.
 * `--seed N [--count M]` scores M (default 2000) freshly generated ads from seed N instead: a
 * held-out check, since the committed set is the one the code was developed against.
 * Without `--seed` it also scores the ads from outside the region (`eval/world/`, issue 17): the tuning
 * and held-out sets, with and without the country field (`scripts/evaluate-world.ts` for mistakes).
 */
import { generate } from "../eval/generate.js";
import { type Counts, evaluate, type FieldScore, failures, loadAds } from "../eval/score.js";
import { formatWorld } from "../eval/world.js";

function flag(name: string): number | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : undefined;
}

const pct = (x: number): string => x.toFixed(3);
const row = (name: string, s: FieldScore): string =>
  `${name.padEnd(34)} ${pct(s.precision)}     ${pct(s.recall)}  ${pct(s.f1)}  tp=${s.tp} fp=${s.fp} fn=${s.fn}`;
const recall = (c: Counts): string => (c.tp + c.fn === 0 ? "  -  " : pct(c.tp / (c.tp + c.fn)));

const seed = flag("--seed");
const report = evaluate(seed === undefined ? loadAds() : generate(seed, flag("--count") ?? 2000));
console.log(`ads: ${report.ads}\n`);
console.log(`${"field / extractor".padEnd(34)} precision recall F1`);
console.log(row("phones  @nexus/extraction", report.nexus.phones));
console.log(row("phones  findPhoneNumbersInText", report.baseline));
console.log(row("emails  @nexus/extraction", report.nexus.emails));
console.log(row("handles @nexus/extraction", report.nexus.handles));
console.log(`\nphone recall (and false positives) by form: nexus | baseline`);
for (const [form, s] of Object.entries(report.byForm).sort()) {
  console.log(
    `  ${form.padEnd(30)} ${recall(s.nexus)} fp=${String(s.nexus.fp).padEnd(3)} | ${recall(s.baseline)} fp=${s.baseline.fp}`,
  );
}
if (process.argv.includes("--mistakes")) {
  for (const m of report.mistakes)
    console.log(`  ${m.id} ${m.field} missed=${m.missed.join(",")} extra=${m.extra.join(",")}`);
}
const failed = failures(report);
if (seed === undefined) {
  const world = formatWorld();
  console.log(`\nads from outside the region (phones, E.164 and country):\n${world.lines.join("\n")}`);
  if (world.failed) failed.push("held-out world set below precision 0.95 / recall 0.90");
}
if (failed.length > 0) {
  console.error(`\nFAIL: ${failed.join("; ")}`);
  process.exit(1);
}
console.log("\nall acceptance thresholds met");
