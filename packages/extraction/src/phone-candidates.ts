/**
 * The plans a number written without a calling code is tried in, and what each reading costs the
 * segmentation: the ad's own calling code (free), the codes the ad has evidence for (1-2, less for
 * stronger evidence), the region's codes as mobiles (2.5), then, for an ad not from the region, the
 * big markets of its language as mobiles (2.8).
 */
import { type CodePlan, callingCodeOf, nationalOf, planOfCode } from "./calling-plans.js";
import { type CountryEvidence, languageWeights, spokenIn } from "./country-evidence.js";
import type { Resolved } from "./phone-country.js";
import type { PhoneRule } from "./types.js";

/**
 * Fallback order when a number is not valid in the ad's country. Peru is left out on purpose: its
 * Lima landline range accepts almost any 8-digit run starting with 1.
 */
export const REGION_COUNTRIES: readonly string[] = Object.freeze([
  "GT",
  "PA",
  "CO",
  "VE",
  "EC",
  "MX",
  "US",
  "SV",
  "HN",
  "NI",
  "CR",
]);

// A number read under a code the ad has evidence for pays between these, less for stronger evidence.
const EVIDENCE_COST = 2;
const EVIDENCE_DISCOUNT = 1;
// A number found only by region fallback must beat the ad-country reading by more than this many digits.
const FALLBACK_COST = 2.5;
// A landline (or other non-mobile range) loses to a mobile reading nearby.
const NON_MOBILE_COST = 1.5;
// The text's language breaks ties between otherwise equal readings.
const LANGUAGE_DISCOUNT = 0.25;
// An ad of unknown country may carry a mobile of any big country that speaks its language, at a cost.
const SPOKEN_COST = 2.8;

const REGION: readonly string[] = Object.freeze(["region-fallback"]);

export interface Candidate {
  plan: CodePlan;
  cost: number;
  mobileOnly: boolean;
  rule: PhoneRule;
  evidence: readonly string[];
}

/** The ad's own calling code: any number of any of its countries, at no cost. */
export function ownCandidate(evidence: CountryEvidence): Candidate | undefined {
  const plan = evidence.adCode ? planOfCode(evidence.adCode) : null;
  if (!plan) return undefined;
  const rule = evidence.fromField ? "ad-country" : "inferred-country";
  return { plan, cost: 0, mobileOnly: false, rule, evidence: evidence.adSignals };
}

/** Plans the ad's other evidence reads numbers in, strongest first. */
function evidenceCandidates(evidence: CountryEvidence): Candidate[] {
  const out: Candidate[] = [];
  for (const c of evidence.codes()) {
    if (c.code === evidence.adCode) continue;
    // Evidence for a smaller country of a shared code reads that country's numbers ("Santo Domingo"
    // is not all of +1); for a code's main country, the whole plan (a London ad's "07700 …" may be
    // Jersey's). The ad's own code always reads the whole plan (a Toronto number in a US ad is +1).
    const whole = !c.countries || c.countries.includes(planOfCode(c.code)?.countries[0] ?? "");
    const plan = whole ? planOfCode(c.code) : planOfCode(c.code, c.countries);
    if (!plan || out.some((o) => o.plan.callingCode === c.code)) continue;
    const language = evidence.language.get(c.code) ?? 0;
    out.push({
      plan,
      cost: EVIDENCE_COST - Math.min(EVIDENCE_DISCOUNT, c.weight / 3) - language * LANGUAGE_DISCOUNT,
      mobileOnly: false,
      rule: "inferred-country",
      evidence: c.signals,
    });
  }
  return out;
}

/**
 * The region's codes (mobiles only), then for an ad not from the region the big markets of its
 * language, leaving out codes the evidence already covers. The same for every ad of one shape.
 */
function fallbackCandidates(
  fromRegion: boolean,
  language: string | undefined,
  covered: readonly string[],
): Candidate[] {
  const seen = new Set(covered);
  const weights = language && !fromRegion ? languageWeights(language) : new Map<string, number>();
  const region: Candidate[] = [];
  for (const country of REGION_COUNTRIES) {
    const code = callingCodeOf(country) ?? "";
    const plan = planOfCode(code);
    if (!plan || seen.has(code)) continue;
    seen.add(code);
    const cost = FALLBACK_COST - (weights.get(code) ?? 0) * LANGUAGE_DISCOUNT;
    region.push({ plan, cost, mobileOnly: true, rule: "region-fallback", evidence: REGION });
  }
  // Stable: the region's order stays where the language does not tell the codes apart.
  const out = region.sort((a, b) => a.cost - b.cost);
  if (fromRegion || !language) return out;
  const signal: readonly string[] = Object.freeze([`language:${language}`]);
  for (const code of spokenIn(language)) {
    const plan = planOfCode(code);
    if (!plan || seen.has(code)) continue;
    seen.add(code);
    out.push({ plan, cost: SPOKEN_COST, mobileOnly: true, rule: "inferred-country", evidence: signal });
  }
  return out;
}

const fallbackCache = new Map<string, Candidate[]>();

/** The plans a number without a calling code is tried in, in order; see the module comment. */
export function candidatesOf(evidence: CountryEvidence): Candidate[] {
  const own = evidenceCandidates(evidence);
  // An ad from the region keeps the region's order; for any other, the language is the best prior left.
  const fromRegion = evidence.adCountry !== undefined && REGION_COUNTRIES.includes(evidence.adCountry);
  const language = evidence.spoken?.language;
  const covered = own.map((c) => c.plan.callingCode);
  if (evidence.adCode) covered.push(evidence.adCode);
  const key = `${fromRegion}|${language ?? ""}|${covered.join(",")}`;
  let rest = fallbackCache.get(key);
  if (!rest) {
    rest = fallbackCandidates(fromRegion, language, covered);
    if (fallbackCache.size > 1024) fallbackCache.clear();
    fallbackCache.set(key, rest);
  }
  return own.length === 0 ? rest : own.concat(rest);
}

export function readIn(candidate: Candidate, digits: string): Resolved | undefined {
  const { plan } = candidate;
  const reading = nationalOf(plan, digits, candidate.mobileOnly ? plan.mobile : plan.valid);
  if (!reading) return undefined;
  const mobile = candidate.mobileOnly || plan.mobile.test(reading.national);
  return {
    e164: `+${plan.callingCode}${reading.national}`,
    country: plan.countries[0] ?? "",
    rule: candidate.rule,
    strayTrunkZero: false,
    mobile,
    cost: candidate.cost + (mobile ? 0 : NON_MOBILE_COST),
    evidence: candidate.evidence,
    trunk: reading.trunk,
  };
}
