/**
 * Deciding which country a digit string belongs to, and whether it is a real number there.
 * Validation is libphonenumber-js with the `max` metadata (real number ranges); a cheap gate on
 * the national length and the general pattern of each plan avoids most parser calls.
 */
import {
  type CountryCode,
  getCountryCallingCode,
  isSupportedCountry,
  Metadata,
  parsePhoneNumberFromString,
} from "libphonenumber-js/max";
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
}

interface Plan {
  callingCode: string;
  lengths: ReadonlySet<number>;
  /** Any number type of the plan (fixed, mobile, toll-free, ...), from the `max` metadata. */
  valid: RegExp;
  /** Mobile ranges only: the region fallback accepts nothing else. */
  mobile: RegExp;
  nationalPrefix: string;
}

interface RawType {
  pattern(): string;
}

interface RawPlan {
  callingCode(): string;
  possibleLengths(): number[];
  nationalPrefix(): string | undefined;
  type(name: string): RawType | undefined;
}

const NUMBER_TYPES = [
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
] as const;

const plans = new Map<string, Plan | null>();

function planOf(country: string): Plan | null {
  const cached = plans.get(country);
  if (cached !== undefined) return cached;
  let plan: Plan | null = null;
  if (isSupportedCountry(country)) {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(country);
    // The typings omit the plan's accessors; they are part of the runtime API.
    const raw = metadata.numberingPlan as unknown as RawPlan;
    const patterns = NUMBER_TYPES.flatMap((t) => raw.type(t)?.pattern() ?? []);
    plan = {
      callingCode: raw.callingCode(),
      lengths: new Set(raw.possibleLengths()),
      valid: new RegExp(`^(?:${patterns.join("|")})$`),
      mobile: new RegExp(`^(?:${raw.type("MOBILE")?.pattern() ?? patterns.join("|")})$`),
      nationalPrefix: raw.nationalPrefix() ?? "",
    };
  }
  plans.set(country, plan);
  return plan;
}

/**
 * The national significant number if `digits` (with or without the trunk prefix) matches one of
 * the plan's number-type ranges. This is the test `isValid()` makes, without building a PhoneNumber;
 * the spans finally chosen are confirmed by libphonenumber-js itself (`confirm`).
 */
function nationalOf(plan: Plan, digits: string, ranges: RegExp = plan.valid): string | undefined {
  if (plan.lengths.has(digits.length) && ranges.test(digits)) return digits;
  const p = plan.nationalPrefix;
  if (!p || !digits.startsWith(p)) return undefined;
  const rest = digits.slice(p.length);
  return plan.lengths.has(rest.length) && ranges.test(rest) ? rest : undefined;
}

function validNational(digits: string, country: string, mobileOnly = false): string | undefined {
  const plan = planOf(country);
  const national = plan ? nationalOf(plan, digits, mobileOnly ? plan.mobile : plan.valid) : undefined;
  return plan && national ? `+${plan.callingCode}${national}` : undefined;
}

/** Re-validates a chosen number with libphonenumber-js (`max`); undefined if it disagrees. */
export function confirm(resolved: Resolved): Resolved | undefined {
  const parsed = parsePhoneNumberFromString(resolved.e164);
  if (!parsed?.isValid() || parsed.number !== resolved.e164) return undefined;
  return parsed.country === resolved.country ? resolved : { ...resolved, country: parsed.country ?? resolved.country };
}

/** Parses "+<digits>" and reports whether a stray trunk zero after the calling code was dropped. */
export function resolveInternational(digits: string): Resolved | undefined {
  if (digits.length < 8 || digits.length > 16) return undefined;
  const direct = parseInternational(digits);
  if (direct) return direct;
  // Mexico's retired mobile prefix: "+52 1 55 ..." is still written for WhatsApp.
  if (digits.length === 13 && digits.startsWith("521")) return parseInternational(`52${digits.slice(3)}`);
  // "+57 0318..." : a national trunk zero kept after the calling code.
  for (let ccLength = 1; ccLength <= 3; ccLength++) {
    if (digits[ccLength] !== "0" || !CALLING_CODES.has(digits.slice(0, ccLength))) continue;
    const fixed = parseInternational(digits.slice(0, ccLength) + digits.slice(ccLength + 1));
    if (fixed) return { ...fixed, strayTrunkZero: true };
  }
  return undefined;
}

function parseInternational(digits: string): Resolved | undefined {
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  if (!parsed?.isValid() || !parsed.country) return undefined;
  const cc = parsed.countryCallingCode;
  const stray = digits.startsWith(`${cc}0`) && !parsed.nationalNumber.startsWith("0");
  return { e164: parsed.number, country: parsed.country, rule: "explicit-country-code", strayTrunkZero: stray };
}

/** A number written with the ad country's calling code but no '+' ("502 5555 1234"). */
function withOwnCallingCode(digits: string, country: string): Resolved | undefined {
  const plan = planOf(country);
  if (!plan || !digits.startsWith(plan.callingCode)) return undefined;
  if (!nationalOf(plan, digits.slice(plan.callingCode.length))) return undefined;
  const resolved = resolveInternational(digits);
  return resolved?.country === country ? resolved : undefined;
}

/** The ad's country, then (if `ccGroup`) the written calling code; undefined if neither is valid. */
export function resolveInAdCountry(
  digits: string,
  country: string | undefined,
  ccGroup: boolean,
): Resolved | undefined {
  if (country) {
    const own = withOwnCallingCode(digits, country);
    if (own) return own;
    const e164 = validNational(digits, country);
    if (e164) {
      const mobile = validNational(digits, country, true) !== undefined;
      return { e164, country, rule: "ad-country", strayTrunkZero: false, mobile };
    }
  }
  return ccGroup && digits.length >= 10 ? resolveWithoutPlus(digits) : undefined;
}

/**
 * "58 414 1234567", "573001234567": a calling code written without '+' or '00'. Only the region's
 * codes count, and no stray trunk zero is forgiven: a 12-digit id would otherwise read as a
 * number of some country somewhere in the world.
 */
function resolveWithoutPlus(digits: string): Resolved | undefined {
  for (let ccLength = 1; ccLength <= 3; ccLength++) {
    if (!REGION_CODES.has(digits.slice(0, ccLength))) continue;
    const resolved = parseInternational(digits);
    return resolved && !resolved.strayTrunkZero ? resolved : undefined;
  }
  return undefined;
}

/** The first other region country where `digits` is a valid national number. */
export function resolveInRegion(digits: string, adCountry: string | undefined): Resolved | undefined {
  for (const country of REGION_COUNTRIES) {
    if (country === adCountry) continue;
    // Ads advertise mobiles; a landline-shaped run in a foreign plan is far more often an id or a price.
    const e164 = validNational(digits, country, true);
    if (e164) return { e164, country, rule: "region-fallback", strayTrunkZero: false };
  }
  return undefined;
}

/** Calling codes as strings, to tell whether a leading digit group is one ("502", "(58)"). */
export function isCallingCode(digits: string): boolean {
  return CALLING_CODES.has(digits);
}

const REGION_CODES: ReadonlySet<string> = new Set(REGION_COUNTRIES.map((c) => getCountryCallingCode(c as CountryCode)));

const CALLING_CODES: ReadonlySet<string> = new Set(
  REGION_COUNTRIES.concat(["AR", "CL", "BO", "PY", "UY", "BR", "ES", "CU", "PR"]).map((c) =>
    getCountryCallingCode(c as CountryCode),
  ),
);
