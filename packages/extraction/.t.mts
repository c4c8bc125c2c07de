import { getCountries, Metadata, parsePhoneNumberFromString as p } from "libphonenumber-js/max";

const TYPES = [
  "FIXED_LINE",
  "MOBILE",
  "TOLL_FREE",
  "PREMIUM_RATE",
  "SHARED_COST",
  "VOIP",
  "PERSONAL_NUMBER",
  "PAGER",
  "UAN",
  "VOICEMAIL",
];
const t0 = performance.now();
const plans = getCountries().map((c) => {
  const m = new Metadata();
  m.selectNumberingPlan(c);
  const r: any = m.numberingPlan;
  const pats = TYPES.flatMap((t) => r.type(t)?.pattern() ?? []);
  return {
    c,
    cc: r.callingCode(),
    lengths: new Set<number>(r.possibleLengths()),
    valid: new RegExp(`^(?:${pats.join("|")})$`),
    mobile: new RegExp(`^(?:${r.type("MOBILE")?.pattern() ?? pats.join("|")})$`),
    np: r.nationalPrefix() ?? "",
  };
});
console.log("build ms", performance.now() - t0, plans.length);
const byLen = new Map<number, typeof plans>();
for (const pl of plans)
  for (const l of pl.lengths) {
    const a = byLen.get(l) ?? [];
    a.push(pl);
    byLen.set(l, a);
  }
console.log([...byLen].map(([l, a]) => `${l}:${a.length}`).join(" "));
const np0 = plans.filter((x) => x.np === "0").length;
console.log(
  "np0",
  np0,
  "np other",
  plans
    .filter((x) => x.np && x.np !== "0")
    .map((x) => x.c + ":" + x.np)
    .join(" "),
);
const samples = [
  "6475550199",
  "07911123456",
  "0412345678",
  "9876543210",
  "612345678",
  "09012345678",
  "23232323232",
  "2016061721",
  "55512345",
  "3001234567",
  "04121234567",
];
function world(d: string) {
  const out: string[] = [];
  for (const pl of byLen.get(d.length) ?? []) if (pl.valid.test(d)) out.push(pl.c);
  if (d[0] === "0")
    for (const pl of byLen.get(d.length - 1) ?? [])
      if (pl.np === "0" && pl.valid.test(d.slice(1))) out.push(pl.c + "(0)");
  return out;
}
for (const s of samples) console.log(s, world(s).join(","));
const N = 2000;
const t1 = performance.now();
let k = 0;
for (let i = 0; i < N; i++) for (const s of samples) k += world(s).length;
console.log("us per lookup", ((performance.now() - t1) * 1000) / (N * samples.length));
