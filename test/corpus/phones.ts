/**
 * Phone numbers that are real-looking and VALID under libphonenumber-js `max` metadata (real number
 * ranges, not just lengths), unique across the corpus unless a number is shared on purpose.
 */
import { type PhoneNumber, parsePhoneNumberFromString } from "libphonenumber-js/max";
import type { CountryCode } from "./names.js";
import type { Rng } from "./rng.js";

export interface Phone {
  e164: string;
  country: CountryCode;
  /** Digits after the country code. */
  callingCode: string;
  nationalNumber: string;
  /** As dialled at home, with the trunk prefix where the country has one ("04141234567"). */
  nationalDigits: string;
  /** The conventional national formatting ("0414-1234567", "5123 4567"). */
  nationalFormatted: string;
  /** "+58 414 1234567". */
  internationalFormatted: string;
}

/** Mobile prefixes in use; the rest of the number is random and then checked against the metadata. */
const MOBILE_PLANS: Readonly<Record<CountryCode, { prefixes: readonly string[]; length: number }>> = {
  GT: { prefixes: ["3", "4", "5"], length: 8 },
  PA: { prefixes: ["60", "61", "62", "63", "64", "65", "66", "67", "68", "69"], length: 8 },
  CO: { prefixes: ["300", "301", "304", "310", "311", "312", "313", "315", "316", "320", "321", "350"], length: 10 },
  VE: { prefixes: ["412", "414", "416", "424", "426"], length: 10 },
  EC: { prefixes: ["98", "99", "96", "97", "95"], length: 9 },
  MX: { prefixes: ["55", "33", "81", "998", "664", "222", "442"], length: 10 },
  US: { prefixes: ["305", "786", "713", "832", "213", "323", "212", "917", "407", "214"], length: 10 },
};

export interface PhoneFactory {
  /** A new number never handed out before by this factory. */
  create(country: CountryCode): Phone;
}

function describe(parsed: PhoneNumber, country: CountryCode): Phone {
  const e164 = parsed.number as string;
  const nationalFormatted = parsed.formatNational();
  return {
    e164,
    country,
    callingCode: parsed.countryCallingCode,
    nationalNumber: parsed.nationalNumber,
    nationalDigits: nationalFormatted.replace(/\D/g, ""),
    nationalFormatted,
    internationalFormatted: parsed.formatInternational(),
  };
}

const CALLING_CODES: Readonly<Record<CountryCode, string>> = {
  GT: "502",
  PA: "507",
  CO: "57",
  VE: "58",
  EC: "593",
  MX: "52",
  US: "1",
};

export function createPhoneFactory(rng: Rng): PhoneFactory {
  const used = new Set<string>();
  return {
    create(country) {
      const plan = MOBILE_PLANS[country];
      for (let attempt = 0; attempt < 1000; attempt++) {
        let digits = rng.pick(plan.prefixes);
        while (digits.length < plan.length) digits += String(rng.int(0, 9));
        const e164 = `+${CALLING_CODES[country]}${digits}`;
        if (used.has(e164)) continue;
        // The same check as isValidPhoneNumber (max metadata), parsing once.
        const parsed = parsePhoneNumberFromString(e164);
        if (parsed === undefined || !parsed.isValid()) continue;
        used.add(e164);
        return describe(parsed, country);
      }
      throw new Error(`could not draw a valid ${country} number`);
    },
  };
}
