/**
 * Numbering plans per calling code, from libphonenumber-js's `max` metadata. Countries that share a
 * code share one plan: +1 is the US, Canada and the Caribbean together (NANP), +44 is the UK with
 * Guernsey, Jersey and Man. A national number is first tested against the union of their ranges;
 * libphonenumber-js then says which country of the code it belongs to (`confirm`).
 */
import { type CountryCode, getCountryCallingCode, isSupportedCountry, Metadata } from "libphonenumber-js/max";

export interface CodePlan {
  callingCode: string;
  /** The countries with this code, the code's main country first. */
  countries: readonly string[];
  lengths: ReadonlySet<number>;
  /** Any number type (fixed, mobile, toll-free, ...) of any of the countries. */
  valid: RegExp;
  /** Mobile ranges only. */
  mobile: RegExp;
  /** The main country's trunk prefix ("0", "1" for NANP, "8" for Russia), or "". */
  nationalPrefix: string;
}

interface RawPlan {
  possibleLengths(): number[];
  nationalPrefix(): string | undefined;
  type(name: string): { pattern(): string } | undefined;
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

const metadata = new Metadata();
// The typings omit the raw JSON; `country_calling_codes` maps each code to its countries, main first.
const CODE_COUNTRIES = (metadata as unknown as { metadata: { country_calling_codes: Record<string, string[]> } })
  .metadata.country_calling_codes;

const plans = new Map<string, CodePlan | null>();

function rawPlan(country: string): RawPlan {
  metadata.selectNumberingPlan(country as CountryCode);
  return metadata.numberingPlan as unknown as RawPlan;
}

function buildPlan(code: string, only?: readonly string[]): CodePlan | null {
  const members = (CODE_COUNTRIES[code] ?? []).filter((c) => isSupportedCountry(c) && (!only || only.includes(c)));
  if (members.length === 0) return null;
  const lengths = new Set<number>();
  const valid: string[] = [];
  const mobile: string[] = [];
  for (const country of members) {
    const raw = rawPlan(country);
    for (const length of raw.possibleLengths()) lengths.add(length);
    const patterns = NUMBER_TYPES.flatMap((t) => raw.type(t)?.pattern() || []);
    valid.push(...patterns);
    // An empty mobile pattern means "the same ranges as fixed lines" (FIXED_LINE_OR_MOBILE: NANP, ...).
    mobile.push(raw.type("MOBILE")?.pattern() || raw.type("FIXED_LINE")?.pattern() || patterns.join("|"));
  }
  return {
    callingCode: code,
    countries: members,
    lengths,
    valid: new RegExp(`^(?:${valid.join("|")})$`),
    mobile: new RegExp(`^(?:${mobile.join("|")})$`),
    nationalPrefix: rawPlan(members[0] as string).nationalPrefix() ?? "",
  };
}

/**
 * The plan of a calling code ("1", "44"), or null for an unknown code; with `only`, of those of its
 * countries alone (the Dominican Republic's part of +1).
 */
export function planOfCode(code: string, only?: readonly string[]): CodePlan | null {
  const key = only ? `${code}:${only.join(",")}` : code;
  let plan = plans.get(key);
  if (plan === undefined) {
    plan = buildPlan(code, only);
    plans.set(key, plan);
  }
  return plan;
}

const codeOfCountry = new Map<string, string | undefined>();

/** The calling code of an ISO country, or undefined. */
export function callingCodeOf(country: string): string | undefined {
  if (!codeOfCountry.has(country))
    codeOfCountry.set(country, isSupportedCountry(country) ? getCountryCallingCode(country as CountryCode) : undefined);
  return codeOfCountry.get(country);
}

/** Every calling code of the metadata ("1", "7", "20", ... "998"). */
export const CALLING_CODES: ReadonlySet<string> = new Set(Object.keys(CODE_COUNTRIES));

/** The calling code `digits` starts with (codes are prefix-free), or undefined. */
export function leadingCallingCode(digits: string): string | undefined {
  for (let length = 1; length <= 3; length++) {
    const code = digits.slice(0, length);
    if (CALLING_CODES.has(code)) return code;
  }
  return undefined;
}

export interface NationalReading {
  national: string;
  /** The trunk prefix was written ("07700 …", "1-702-…"). */
  trunk: boolean;
}

/**
 * The national significant number if `digits` (with or without the trunk prefix) matches one of
 * the plan's ranges. This is the test `isValid()` makes, without building a PhoneNumber.
 */
export function nationalOf(plan: CodePlan, digits: string, ranges: RegExp = plan.valid): NationalReading | undefined {
  if (plan.lengths.has(digits.length) && ranges.test(digits)) return { national: digits, trunk: false };
  const p = plan.nationalPrefix;
  if (!p || !digits.startsWith(p)) return undefined;
  const rest = digits.slice(p.length);
  return plan.lengths.has(rest.length) && ranges.test(rest) ? { national: rest, trunk: true } : undefined;
}
