/**
 * Writes eval/generated.jsonl: seeded, templated ads with ground truth. The renderers below
 * obfuscate numbers the way ads do; they were written from the list of forms, not from
 * the extractor's code. Written to disk by scripts/generate-eval.ts.
 */
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { DISTRACTORS, EMAIL_FORMS, HANDLE_FORMS, TEMPLATES_EN, TEMPLATES_ES } from "./generate-parts.js";
import { createRng, PHONE_FORMS, type PhoneForm, type Rng } from "./phone-forms.js";

export interface LabelledAd {
  id: string;
  text: string;
  country: string;
  phones: string[];
  emails: string[];
  handles: string[];
  forms?: string[];
}

const PATTERNS: Readonly<Record<string, readonly string[]>> = {
  GT: ["5#######", "4#######", "3#######"],
  PA: ["6#######"],
  CO: ["30########", "31########", "32########"],
  VE: ["412#######", "414#######", "416#######", "424#######", "426#######"],
  EC: ["99#######", "98#######", "96#######"],
  MX: ["55########", "33########", "81########"],
  US: ["202#######", "305#######", "713#######", "646#######"],
};

/** A random valid (max metadata) national significant number of `country`. */
export function randomNumber(rng: Rng, country: string): { national: string; e164: string } {
  for (;;) {
    const pattern = rng.pick(PATTERNS[country] ?? []);
    const national = pattern.replace(/#/g, () => String(rng.int(10)));
    const parsed = parsePhoneNumberFromString(national, country as CountryCode);
    if (parsed?.isValid() && parsed.country === country) return { national, e164: parsed.number };
  }
}

const COUNTRIES = ["GT", "GT", "GT", "PA", "CO", "CO", "VE", "EC", "MX", "US"] as const;
const FOREIGN: Readonly<Record<string, readonly string[]>> = {
  CO: ["VE"],
  PA: ["VE", "CO", "GT"],
  GT: ["CO", "VE"],
  EC: ["CO", "VE"],
  MX: ["GT", "CO"],
  US: ["MX", "GT"],
  VE: ["CO"],
};
const NAMES = [
  "Ana",
  "Sofia",
  "Valeria",
  "Karla",
  "Daniela",
  "Luna",
  "Camila",
  "Paola",
  "Yuli",
  "Mafe",
  "Kathy",
  "Brenda",
];

/** True when the digits, read as a national number of `country`, are a valid number there. */
function validIn(national: string, country: string): boolean {
  return [national, `0${national}`].some(
    (d) => parsePhoneNumberFromString(d, country as CountryCode)?.isValid() === true,
  );
}

function phonePart(rng: Rng, country: string, labels: LabelledAd): string {
  const foreign = rng.chance(0.15) ? rng.pick(FOREIGN[country] ?? ["GT"]) : country;
  let { national, e164 } = randomNumber(rng, foreign);
  // The rule: fall back to another country only when the number is not valid in the ad's.
  while (foreign !== country && validIn(national, country)) ({ national, e164 } = randomNumber(rng, foreign));
  const form: PhoneForm = rng.pick(PHONE_FORMS);
  const cc = e164.slice(1, e164.length - national.length);
  const rendered = form.render(rng, { national, cc, country: foreign, sameCountry: foreign === country });
  if (!labels.phones.includes(e164)) labels.phones.push(e164);
  labels.forms?.push(foreign === country ? form.name : `${form.name}+foreign`);
  return rendered;
}

function contactBlock(rng: Rng, country: string, labels: LabelledAd, distractorOnly: boolean): string {
  const parts: string[] = [];
  if (!distractorOnly) {
    const count = rng.chance(0.25) ? 2 : 1;
    for (let k = 0; k < count; k++) parts.push(phonePart(rng, country, labels));
    if (rng.chance(0.12)) parts.push(`repito: ${parts[0]}`);
  }
  if (rng.chance(0.3)) {
    const user = `${rng.pick(NAMES).toLowerCase()}${rng.chance(0.5) ? rng.int(100) : ""}`;
    const form = rng.pick(EMAIL_FORMS);
    const provider = rng.pick(["gmail", "hotmail", "yahoo", "outlook", "protonmail"]);
    parts.push(form(user, provider));
    labels.emails.push(`${user}@${provider}.com`);
  }
  if (rng.chance(0.35)) {
    const user = `${rng.pick(NAMES).toLowerCase()}${rng.pick(["_hot", ".vip", "x", "_gt", "bb", "23", "_real"])}`;
    const [platform, form] = rng.pick(HANDLE_FORMS);
    const [text, value] = form(user);
    parts.push(text);
    labels.handles.push(`${platform}:${value}`);
  }
  return parts.join(rng.pick([" ", ". ", " / ", "\n", " ✨ "]));
}

function makeAd(rng: Rng, index: number): LabelledAd {
  const country = rng.pick(COUNTRIES);
  const english = country === "US" ? rng.chance(0.8) : rng.chance(0.12);
  const distractorOnly = rng.chance(0.15);
  const labels: LabelledAd = { id: `gen-${index}`, text: "", country, phones: [], emails: [], handles: [], forms: [] };
  const contact = contactBlock(rng, country, labels, distractorOnly);
  const distractors = Array.from({ length: 1 + rng.int(3) }, () => rng.pick(DISTRACTORS)(rng, country));
  const template = rng.pick(english ? TEMPLATES_EN : TEMPLATES_ES);
  labels.text = template({ name: rng.pick(NAMES), contact, distractors, rng });
  if (distractorOnly) labels.forms = ["distractor-only"];
  return labels;
}

/** Generates `count` ads from `seed`. */
export function generate(seed: number, count: number): LabelledAd[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => makeAd(rng, i));
}
