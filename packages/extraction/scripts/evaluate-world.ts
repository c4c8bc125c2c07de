/**
 * Phones on the ads from outside the region: the tuning set and the held-out set, each with the
 * `country` field as written and without it, beside plain libphonenumber-js `findPhoneNumbersInText`
 * (the ad's country as default when there is one). E.164 and country must both match.
 * `--mistakes` lists the tuning set's misses and false positives; the held-out set's are printed only
 * with `--heldout-mistakes`, which nobody tuning the extractor should read. Exits 1 when the held-out
 * set misses the thresholds (precision >= 0.95, recall >= 0.90).
 */
import { formatWorld, WORLD_THRESHOLDS } from "../eval/world.js";

const { lines, failed } = formatWorld({
  mistakes: process.argv.includes("--mistakes"),
  heldoutMistakes: process.argv.includes("--heldout-mistakes"),
});
console.log(lines.join("\n"));
if (failed) {
  console.error(
    `\nFAIL: the held-out set is below precision ${WORLD_THRESHOLDS.precision} / recall ${WORLD_THRESHOLDS.recall}`,
  );
  process.exit(1);
}
console.log("\nheld-out thresholds met");
