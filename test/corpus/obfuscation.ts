/**
 * Writes a phone number the ways advertisers write them to slip past filters (the forms issue 3
 * lists). Each rendering names its style so the truth can say how hard the ad is.
 */
import type { Phone } from "./phones.js";
import type { Rng } from "./rng.js";

export const PHONE_STYLES = [
  "national",
  "international",
  "compact-international",
  "double-zero",
  "parenthesised-code",
  "code-dash",
  "stray-trunk-zero",
  "spaced",
  "dotted",
  "slashed",
  "emoji-separated",
  "keycap",
  "fullwidth",
  "math-digits",
  "circled",
  "spelled-es",
  "spelled-en",
  "mixed-words",
  "misspelled-es",
  "two-digit-es",
  "letters",
  "wa-link",
  "whatsapp-api-link",
] as const;
export type PhoneStyle = (typeof PHONE_STYLES)[number];

/** Styles plain libphonenumber-js already reads: everything else is an obfuscation. */
export const PLAIN_STYLES: ReadonlySet<PhoneStyle> = new Set<PhoneStyle>([
  "national",
  "international",
  "compact-international",
]);

const ES_DIGITS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"] as const;
const ES_MISSPELT: Readonly<Record<string, string>> = { cero: "sero", cinco: "sinco", nueve: "nuebe", seis: "seiz" };
const EN_DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"] as const;
const ES_TEENS = [
  "diez",
  "once",
  "doce",
  "trece",
  "catorce",
  "quince",
  "dieciséis",
  "diecisiete",
  "dieciocho",
  "diecinueve",
];
const ES_TWENTIES = [
  "veinte",
  "veintiuno",
  "veintidós",
  "veintitrés",
  "veinticuatro",
  "veinticinco",
  "veintiséis",
  "veintisiete",
  "veintiocho",
  "veintinueve",
];
const ES_TENS = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"];
const SEPARATOR_EMOJI = ["💋", "❤️", "🔥", "💕", "🌹", "✨", "😘", "♥"];

function mapDigits(digits: string, map: (digit: number) => string, joiner = ""): string {
  return [...digits].map((digit) => map(Number(digit))).join(joiner);
}

/** "32" -> "treinta y dos"; "04" -> "cero cuatro" (how a leading zero is read aloud). */
function spanishPair(pair: string): string {
  const value = Number(pair);
  if (pair.length === 1 || pair.startsWith("0")) return mapDigits(pair, (digit) => ES_DIGITS[digit] as string, " ");
  if (value < 20) return ES_TEENS[value - 10] as string;
  if (value < 30) return ES_TWENTIES[value - 20] as string;
  const unit = value % 10;
  return unit === 0
    ? (ES_TENS[Math.floor(value / 10)] as string)
    : `${ES_TENS[Math.floor(value / 10)]} y ${ES_DIGITS[unit]}`;
}

function twoDigitGroups(rng: Rng, digits: string): string {
  const groups: string[] = [];
  let rest = digits;
  if (rest.length % 2 === 1) {
    groups.push(rest.slice(0, 1));
    rest = rest.slice(1);
  }
  for (let index = 0; index < rest.length; index += 2) groups.push(rest.slice(index, index + 2));
  return groups.map(spanishPair).join(rng.pick([", ", " ", " - "]));
}

function groupDigits(digits: string, size: number, joiner: string): string {
  const groups: string[] = [];
  for (let index = 0; index < digits.length; index += size) groups.push(digits.slice(index, index + size));
  return groups.join(joiner);
}

function letters(rng: Rng, digits: string): string {
  return [...digits]
    .map((digit) => {
      if (digit === "0") return rng.pick(["O", "o"]);
      if (digit === "1") return rng.pick(["l", "I", "|"]);
      if (digit === "5" && rng.chance(0.15)) return "S";
      return digit;
    })
    .join("");
}

/** The digit run an obfuscated form starts from: national, or with the country code now and then. */
function sourceDigits(rng: Rng, phone: Phone): string {
  return rng.chance(0.25) ? `${phone.callingCode}${phone.nationalNumber}` : phone.nationalDigits;
}

type Renderer = (rng: Rng, phone: Phone) => string;

const RENDERERS: Readonly<Record<PhoneStyle, Renderer>> = {
  national: (_rng, phone) => phone.nationalFormatted,
  international: (_rng, phone) => phone.internationalFormatted,
  "compact-international": (_rng, phone) => phone.e164,
  "double-zero": (rng, phone) => `00${phone.callingCode}${rng.pick(["", " "])}${phone.nationalNumber}`,
  "parenthesised-code": (rng, phone) =>
    `(${phone.callingCode}) ${groupDigits(phone.nationalNumber, 4, rng.pick(["-", " "]))}`,
  "code-dash": (_rng, phone) => `${phone.callingCode}-${phone.nationalNumber}`,
  "stray-trunk-zero": (rng, phone) =>
    phone.nationalDigits === phone.nationalNumber
      ? `+${phone.callingCode} ${phone.nationalNumber}`
      : `+${phone.callingCode} ${phone.nationalDigits.slice(0, 4)}${rng.pick(["-", " ", ""])}${phone.nationalDigits.slice(4)}`,
  spaced: (rng, phone) => mapDigits(sourceDigits(rng, phone), String, " "),
  dotted: (rng, phone) => mapDigits(sourceDigits(rng, phone), String, "."),
  slashed: (_rng, phone) => groupDigits(phone.nationalDigits, 2, "/"),
  "emoji-separated": (rng, phone) => groupDigits(phone.nationalDigits, rng.pick([1, 2]), rng.pick(SEPARATOR_EMOJI)),
  keycap: (rng, phone) => mapDigits(sourceDigits(rng, phone), (digit) => `${digit}\uFE0F\u20E3`),
  fullwidth: (rng, phone) => mapDigits(sourceDigits(rng, phone), (digit) => String.fromCharCode(0xff10 + digit)),
  "math-digits": (rng, phone) => {
    const base = rng.pick([0x1d7ce, 0x1d7d8, 0x1d7ec]);
    return mapDigits(sourceDigits(rng, phone), (digit) => String.fromCodePoint(base + digit));
  },
  circled: (_rng, phone) =>
    mapDigits(phone.nationalDigits, (digit) => (digit === 0 ? "⓪" : String.fromCharCode(0x2460 + digit - 1))),
  "spelled-es": (rng, phone) => mapDigits(sourceDigits(rng, phone), (digit) => ES_DIGITS[digit] as string, " "),
  "spelled-en": (rng, phone) =>
    mapDigits(
      sourceDigits(rng, phone),
      (digit) => (digit === 0 && rng.chance(0.4) ? "oh" : (EN_DIGITS[digit] as string)),
      " ",
    ),
  "mixed-words": (rng, phone) =>
    mapDigits(phone.nationalDigits, (digit) => (rng.chance(0.5) ? (ES_DIGITS[digit] as string) : String(digit))),
  "misspelled-es": (_rng, phone) =>
    mapDigits(
      phone.nationalDigits,
      (digit) => {
        const word = ES_DIGITS[digit] as string;
        return ES_MISSPELT[word] ?? word;
      },
      " ",
    ),
  "two-digit-es": (rng, phone) => twoDigitGroups(rng, phone.nationalDigits),
  letters: (rng, phone) => letters(rng, groupDigits(phone.nationalDigits, 4, rng.pick(["", " ", "-"]))),
  "wa-link": (rng, phone) => `${rng.pick(["", "https://"])}wa.me/${phone.callingCode}${phone.nationalNumber}`,
  "whatsapp-api-link": (_rng, phone) =>
    `https://api.whatsapp.com/send?phone=${phone.callingCode}${phone.nationalNumber}`,
};

export function renderPhone(rng: Rng, phone: Phone, style: PhoneStyle): string {
  return RENDERERS[style](rng, phone);
}

/** How often each style shows up in the wild (roughly: most numbers are plain, many are not). */
export const STYLE_WEIGHTS: readonly (readonly [PhoneStyle, number])[] = [
  ["national", 18],
  ["international", 6],
  ["compact-international", 3],
  ["double-zero", 3],
  ["parenthesised-code", 2],
  ["code-dash", 2],
  ["stray-trunk-zero", 2],
  ["spaced", 6],
  ["dotted", 4],
  ["slashed", 2],
  ["emoji-separated", 6],
  ["keycap", 4],
  ["fullwidth", 2],
  ["math-digits", 2],
  ["circled", 1],
  ["spelled-es", 5],
  ["spelled-en", 1],
  ["mixed-words", 4],
  ["misspelled-es", 2],
  ["two-digit-es", 4],
  ["letters", 4],
  ["wa-link", 5],
  ["whatsapp-api-link", 2],
];
