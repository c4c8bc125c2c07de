/**
 * Phones on the ads from outside the region: the tuning set and the held-out set, each with the
 * `country` field as written and without it, beside plain libphonenumber-js `findPhoneNumbersInText`
 * (the ad's country as default when there is one). E.164 and country must both match.
 * `--mistakes` lists the tuning set's misses and false positives; the held-out set's are printed only
 * with `--heldout-mistakes`, which nobody tuning the extractor should read. Exits 1 when the held-out
 * set misses the thresholds (precision >= 0.95, recall >= 0.90).
 */
import { evaluateWorld, loadWorld, WORLD_MODES, WORLD_SETS, WORLD_THRESHOLDS } from "../eval/world.js";

const pct = (x: number): string => x.toFixed(3);
let failed = false;
console.log(`${"set / country field".padEnd(24)} nexus P / R (tp fp fn)            baseline P / R`);
for (const set of WORLD_SETS) {
  const ads = loadWorld(set);
  for (const mode of WORLD_MODES) {
    const r = evaluateWorld(ads, mode);
    const n = r.nexus;
    const b = r.baseline;
    const label = `${set} (${ads.length}) ${mode}`.padEnd(24);
    const ours = `${pct(n.precision)} / ${pct(n.recall)} (${n.tp} ${n.fp} ${n.fn})`.padEnd(33);
    console.log(`${label} ${ours}${pct(b.precision)} / ${pct(b.recall)} (${b.tp} ${b.fp} ${b.fn})`);
    const flag = set === "heldout" ? "--heldout-mistakes" : "--mistakes";
    if (process.argv.includes(flag))
      for (const m of r.mistakes) console.log(`    ${m.id} missed=${m.missed.join(",")} extra=${m.extra.join(",")}`);
    if (set === "heldout" && (n.precision < WORLD_THRESHOLDS.precision || n.recall < WORLD_THRESHOLDS.recall))
      failed = true;
  }
}
if (failed) {
  console.error(
    `\nFAIL: the held-out set is below precision ${WORLD_THRESHOLDS.precision} / recall ${WORLD_THRESHOLDS.recall}`,
  );
  process.exit(1);
}
console.log("\nheld-out thresholds met");
