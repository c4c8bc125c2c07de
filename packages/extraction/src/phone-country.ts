/**
 * Deciding which country a digit string belongs to, and whether it is a real number there. A number
 * with a calling code ('+', '00', or a code the ad has evidence for) is read under it. One without
 * is read under the ad's calling code first, and never under another when it is valid there; then
 * under the codes the ad has evidence for, strongest first; then, as mobiles only, under the region's
 * codes. Validation is libphonenumber-js with the `max` metadata (real number ranges): a cheap test
 * against each plan's ranges first, then the parser itself for the numbers finally chosen (`confirm`).
 */
import { type CountryCode, getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { CALLING_CODES, planOfCode } from "./calling-plans.js";
import type { CountryEvidence } from "./country-evidence.js";
import { type Candidate, candidatesOf, ownCandidate, REGION_COUNTRIES, readIn } from "./phone-candidates.js";
import type { PhoneRule } from "./types.js";

export { REGION_COUNTRIES } from "./phone-candidates.js";

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

const EXPLICIT: readonly string[] = Object.freeze(["calling-code-written"]);

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

/**
 * Reads `digits` written without '+' or '00'. `freeOnly`: the caller can use only readings at no cost
 * (the ad's own code, a written calling code), so the other plans are not tried.
 */
export type DigitsResolver = (
  digits: string,
  ccGroup: boolean,
  accept?: Acceptable,
  freeOnly?: boolean,
) => Resolved | undefined;

/** A resolver for numbers written without '+' or '00', for one ad's evidence. */
export function createResolver(evidence: CountryEvidence): DigitsResolver {
  const ownCode = evidence.adCode;
  const own = ownCandidate(evidence);
  // The other candidates need all the evidence: built when a number is not valid under the own code.
  let others: Candidate[] | undefined;
  let allowed: Set<string> | undefined;
  return (digits, ccGroup, accept = () => true, freeOnly = false) => {
    const written = ownCode ? withOwnCallingCode(digits, ownCode) : undefined;
    if (written) return written;
    // Valid under the ad's own code: never read under another.
    const mine = own ? readIn(own, digits) : undefined;
    if (mine) return mine;
    const withoutPlus = ccGroup && digits.length >= 10;
    if (freeOnly && !withoutPlus) return undefined;
    others ??= candidatesOf(evidence);
    let best: Resolved | undefined;
    for (const candidate of freeOnly ? [] : others) {
      if (best && candidate.cost >= best.cost) continue;
      const resolved = readIn(candidate, digits);
      if (resolved && accept(resolved) && (!best || resolved.cost < best.cost)) best = resolved;
    }
    if (!withoutPlus) return best;
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
