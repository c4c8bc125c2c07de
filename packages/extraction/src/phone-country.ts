/**
 * Deciding which country a digit string belongs to, and whether it is a real number there. A number
 * with a calling code ('+', '00', or a code the ad has evidence for) is read under it. One without
 * is read under the ad's calling code first, and never under another when it is valid there; then
 * under the codes the ad has evidence for, strongest first; then, as mobiles only, under the region's
 * codes. Validation is libphonenumber-js with the `max` metadata (real number ranges): a cheap test
 * against each plan's ranges first, then the parser itself for the numbers finally chosen (`confirm`).
 */
import { type CountryCode, getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { CALLING_CODES, type CodePlan, callingCodeOf, nationalOf, planOfCode } from "./calling-plans.js";
import { type CountryEvidence, languageWeights, spokenIn } from "./country-evidence.js";
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

export interface Resolved {
  e164: string;
  country: string;
  rule: PhoneRule;
  strayTrunkZero: boolean;
  /** False when only a landline/other range matched (ads advertise mobiles). */
  mobile?: boolean;
  /** What the segmentation pays for this reading: 0 for the ad's own plan or a written code. */
  cost: number;
  /** The signals that chose the country (shared, never mutated). */
  evidence: readonly string[];
  /** The national trunk prefix was written ("07700 …"). */
  trunk?: boolean;
}

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

const EXPLICIT: readonly string[] = Object.freeze(["calling-code-written"]);
const REGION: readonly string[] = Object.freeze(["region-fallback"]);

interface Parsed {
  e164: string;
  country: string | undefined;
  nationalNumber: string;
  callingCode: string;
}

// The same numbers come back ad after ad (a site's own number is on every ad it hosts): what the
// parser said about a digit string is kept. Its answer depends on the string alone.
const parsedCache = new Map<string, Parsed | null>();
const PARSED_CACHE_SIZE = 20_000;

/** libphonenumber-js's reading of "+<digits>" when it is a valid number, else null. */
function parseValid(digits: string): Parsed | null {
  let parsed = parsedCache.get(digits);
  if (parsed === undefined) {
    const number = parsePhoneNumberFromString(`+${digits}`);
    parsed = number?.isValid()
      ? {
          e164: number.number,
          country: number.country,
          nationalNumber: number.nationalNumber,
          callingCode: number.countryCallingCode,
        }
      : null;
    if (parsedCache.size >= PARSED_CACHE_SIZE) parsedCache.clear();
    parsedCache.set(digits, parsed);
  }
  return parsed;
}

/** Re-validates a chosen number with libphonenumber-js (`max`); undefined if it disagrees. */
export function confirm(resolved: Resolved): Resolved | undefined {
  const parsed = parseValid(resolved.e164.slice(1));
  if (!parsed || parsed.e164 !== resolved.e164) return undefined;
  return parsed.country === resolved.country ? resolved : { ...resolved, country: parsed.country ?? resolved.country };
}

function parseInternational(digits: string): Resolved | undefined {
  const parsed = parseValid(digits);
  if (!parsed?.country) return undefined;
  const stray = digits.startsWith(`${parsed.callingCode}0`) && !parsed.nationalNumber.startsWith("0");
  return {
    e164: parsed.e164,
    country: parsed.country,
    rule: "explicit-country-code",
    strayTrunkZero: stray,
    cost: 0,
    evidence: EXPLICIT,
  };
}

/** Parses "+<digits>" and reports whether a stray trunk zero after the calling code was dropped. */
export function resolveInternational(digits: string): Resolved | undefined {
  if (digits.length < 8 || digits.length > 16) return undefined;
  const direct = parseInternational(digits);
  if (direct) return direct;
  // Mexico's retired mobile prefix: "+52 1 55 ..." is still written for WhatsApp.
  if (digits.length === 13 && digits.startsWith("521")) return parseInternational(`52${digits.slice(3)}`);
  // "+57 0318...", "+44 (0) 7700 ...": a national trunk zero kept after the calling code.
  for (let ccLength = 1; ccLength <= 3; ccLength++) {
    if (digits[ccLength] !== "0" || !CALLING_CODES.has(digits.slice(0, ccLength))) continue;
    const fixed = parseInternational(digits.slice(0, ccLength) + digits.slice(ccLength + 1));
    if (fixed) return { ...fixed, strayTrunkZero: true };
  }
  return undefined;
}

/** Calling codes as strings, to tell whether a leading digit group is one ("502", "(58)"). */
export function isCallingCode(digits: string): boolean {
  return WRITTEN_CODES.has(digits);
}

const WRITTEN_CODES: ReadonlySet<string> = new Set(
  REGION_COUNTRIES.concat(["AR", "CL", "BO", "PY", "UY", "BR", "ES", "CU", "PR"]).map((c) =>
    getCountryCallingCode(c as CountryCode),
  ),
);

interface Candidate {
  plan: CodePlan;
  cost: number;
  mobileOnly: boolean;
  rule: PhoneRule;
  evidence: readonly string[];
}

/** The ad's own calling code: any number of any of its countries, at no cost. */
function ownCandidate(evidence: CountryEvidence): Candidate | undefined {
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
function candidatesOf(evidence: CountryEvidence): Candidate[] {
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

function readIn(candidate: Candidate, digits: string): Resolved | undefined {
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

/** A number written with the ad country's calling code but no '+' ("502 5555 1234"). */
function withOwnCallingCode(digits: string, own: string): Resolved | undefined {
  const plan = planOfCode(own);
  if (!plan || !digits.startsWith(own)) return undefined;
  const rest = digits.slice(own.length);
  if (!plan.lengths.has(rest.length) || !plan.valid.test(rest)) return undefined;
  const resolved = resolveInternational(digits);
  return resolved?.e164.startsWith(`+${own}`) ? resolved : undefined;
}

/** Whether the caller can use a reading where it was found (the segmentation's own tests). */
export type Acceptable = (resolved: Resolved) => boolean;

export type DigitsResolver = (digits: string, ccGroup: boolean, accept?: Acceptable) => Resolved | undefined;

/** A resolver for numbers written without '+' or '00', for one ad's evidence. */
export function createResolver(evidence: CountryEvidence): DigitsResolver {
  const ownCode = evidence.adCode;
  const own = ownCandidate(evidence);
  // The other candidates need all the evidence: built when a number is not valid under the own code.
  let others: Candidate[] | undefined;
  let allowed: Set<string> | undefined;
  return (digits, ccGroup, accept = () => true) => {
    const written = ownCode ? withOwnCallingCode(digits, ownCode) : undefined;
    if (written) return written;
    // Valid under the ad's own code: never read under another.
    const mine = own ? readIn(own, digits) : undefined;
    if (mine) return mine;
    others ??= candidatesOf(evidence);
    let best: Resolved | undefined;
    for (const candidate of others) {
      if (best && candidate.cost >= best.cost) continue;
      const resolved = readIn(candidate, digits);
      if (resolved && accept(resolved) && (!best || resolved.cost < best.cost)) best = resolved;
    }
    if (!ccGroup || digits.length < 10) return best;
    allowed ??= new Set([...(ownCode ? [ownCode] : []), ...others.map((c) => c.plan.callingCode)]);
    const other = resolveWithoutPlus(digits, allowed);
    return other && (!best || other.cost <= best.cost) ? other : best;
  };
}

/**
 * "58 414 1234567", "44 7700 900123": a calling code written without '+' or '00'. Only codes the ad
 * may be from count (the region's and those with evidence), and no stray trunk zero is forgiven: a
 * 12-digit id would otherwise read as a number of some country somewhere in the world.
 */
function resolveWithoutPlus(digits: string, allowed: ReadonlySet<string>): Resolved | undefined {
  for (let ccLength = 1; ccLength <= 3; ccLength++) {
    if (!allowed.has(digits.slice(0, ccLength))) continue;
    const resolved = parseInternational(digits);
    return resolved && !resolved.strayTrunkZero ? resolved : undefined;
  }
  return undefined;
}
