/**
 * Ads/s on one core: @nexus/extraction `extractContacts` (every field) against the plain
 * libphonenumber-js pass (`findPhoneNumbersInText` with the ad's country, `max` metadata) on the
 * same ads, measured alternately in the same process. Prints medians of several runs and the ratio,
 * both per wall-clock second and per CPU second of this process (the machine is shared and noisy;
 * CPU time does not count the time the process waits for a core).
 * Run: npx tsx --conditions=nexus-source bench/extraction-throughput.ts [runs]
 */
import { extractContacts } from "@nexus/extraction";
import { type CountryCode, findPhoneNumbersInText } from "libphonenumber-js/max";
import { generate } from "../packages/extraction/eval/generate.js";
import { loadAds } from "../packages/extraction/eval/score.js";

const runs = Number(process.argv[2] ?? 7);
// The labelled set plus more generated ads from another seed, so one run takes long enough to time.
const ads = [...loadAds(), ...generate(7, 3000)].map((a) => ({ text: a.text, country: a.country }));

let sink = 0;
function nexusPass(): void {
  for (const ad of ads) sink += extractContacts(ad.text, { country: ad.country }).phones.length;
}
function baselinePass(): void {
  for (const ad of ads) sink += findPhoneNumbersInText(ad.text, { defaultCountry: ad.country as CountryCode }).length;
}

interface Rate {
  wall: number;
  cpu: number;
}

function measure(pass: () => void): Rate {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  pass();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall: (ads.length * 1000) / wallMs, cpu: (ads.length * 1e6) / (c.user + c.system) };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

// Warm-up: JIT both paths and build libphonenumber's lazy metadata.
nexusPass();
baselinePass();
const nexus: Rate[] = [];
const baseline: Rate[] = [];
for (let r = 0; r < runs; r++) {
  nexus.push(measure(nexusPass));
  baseline.push(measure(baselinePass));
}
const avgChars = Math.round(ads.reduce((acc, a) => acc + a.text.length, 0) / ads.length);
console.log(`ads per run: ${ads.length} (mean ${avgChars} chars), runs: ${runs}, node ${process.version}, one thread`);
for (const clock of ["wall", "cpu"] as const) {
  const n = median(nexus.map((x) => x[clock]));
  const b = median(baseline.map((x) => x[clock]));
  console.log(`[${clock}] extractContacts (all fields)          median ${n.toFixed(0)} ads/s`);
  console.log(`[${clock}] findPhoneNumbersInText (max, country) median ${b.toFixed(0)} ads/s`);
  console.log(`[${clock}] time ratio nexus/baseline: ${(b / n).toFixed(2)}x (target <= 2x)`);
}
console.log(`checksum ${sink}`);
