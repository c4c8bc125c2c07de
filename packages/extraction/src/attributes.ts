/** Ages and prices: they are extracted for their own sake and masked out of phone scanning. */
import { CURRENCY_WORDS } from "./currencies.js";

export interface FoldedHit<T> {
  from: number;
  to: number;
  value: T;
}

const AGE_AFTER =
  /(?<!\d)(?<age>\d{2}) ?(?:anos|ano|anitos|añitos|years old|years|year old|yrs|yr|yo|y\/o|y\.o\.?)(?![a-z])/g;
// Word boundaries before keywords are consumed (`lead`) rather than looked behind: a leading lookbehind
// keeps the regex engine from skipping ahead to the keyword's letters.
const AGE_BEFORE =
  /(?<lead>^|[^a-z])(?:edad|age|tengo|i am|i'm|im|aged)[: ]{0,3}(?<age>\d{2})(?![\d.,]| ?(?:cm|kg|mts|%))/g;

/** Ages 18..75 ("25 años", "edad: 22", "23yo"). */
export function findAges(text: string): FoldedHit<number>[] {
  const hits: FoldedHit<number>[] = [];
  for (const re of [AGE_AFTER, AGE_BEFORE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const lead = m.groups?.["lead"]?.length ?? 0;
      const value = Number(m.groups?.["age"]);
      if (value >= 18 && value <= 75) hits.push({ from: m.index + lead, to: m.index + m[0].length, value });
    }
  }
  // "tengo 20 años" matches both patterns: keep the first of overlapping hits.
  hits.sort((a, b) => a.from - b.from);
  return hits.filter((h, k) => k === 0 || (hits[k - 1] as FoldedHit<number>).to <= h.from);
}

export interface Price {
  amount: number;
  currency: string;
}

const AMOUNT = "(\\d{1,3}(?:[.,]\\d{3})+|\\d{1,7})(?:[.,](\\d{1,2}))?";
const PRICE_BEFORE = new RegExp(
  `(^|[^a-z0-9])(us\\$|usd|u\\$s|au\\$|a\\$|ca\\$|c\\$|\\$|q\\.?|b\\/\\.?|bs\\.?|cop|mxn|gtq|pab|ves|gbp|eur|jpy|inr|rs\\.?|aud|cad) ?${AMOUNT}(?![\\d])`,
  "g",
);
const PRICE_AFTER = new RegExp(
  `(?<![\\d.,])${AMOUNT} ?(mil pesos|mil|k|usd|dolares|dollars|dolar|dollar|dls|bucks|quetzales|quetzal|qtz|q|pesos|cop|mxn|bs|bolivares|balboas|gtq|gbp|quid|eur|euros|euro|jpy|yen|inr|rupees|rs|aud|cad|\\$)(?![a-z0-9])`,
  "g",
);

const DOLLAR_BY_COUNTRY: Readonly<Record<string, string>> = {
  CO: "COP",
  MX: "MXN",
  AU: "AUD",
  CA: "CAD",
  NZ: "NZD",
};
const PESO_BY_COUNTRY: Readonly<Record<string, string>> = { MX: "MXN", CO: "COP" };

function currencyOf(marker: string, country: string | undefined): string {
  const m = marker.replace(/[ .]/g, "");
  if (m === "$") return (country && DOLLAR_BY_COUNTRY[country]) ?? "USD";
  const world = CURRENCY_WORDS[m];
  if (world) return world;
  if (m === "q" || m.startsWith("quetzal") || m === "qtz" || m === "gtq") return "GTQ";
  if (m === "b/" || m === "balboas" || m === "pab") return "PAB";
  if (m === "bs" || m === "bolivares" || m === "ves") return "VES";
  if (m === "cop") return "COP";
  if (m === "mxn") return "MXN";
  if (m.includes("peso") || m === "mil" || m === "k") return (country && PESO_BY_COUNTRY[country]) ?? "COP";
  return "USD";
}

function parseAmount(whole: string, cents: string | undefined): number {
  const units = Number(whole.replace(/[.,]/g, ""));
  return cents ? units + Number(cents) / 10 ** cents.length : units;
}

function scale(marker: string): number {
  return marker.startsWith("mil") || marker === "k" ? 1000 : 1;
}

/** Prices with a currency marker before ("Q400", "$50", "B/. 60") or after ("100 USD", "80 mil"). */
export function findPrices(text: string, country: string | undefined): FoldedHit<Price>[] {
  const hits: FoldedHit<Price>[] = [];
  PRICE_BEFORE.lastIndex = 0;
  for (let m = PRICE_BEFORE.exec(text); m !== null; m = PRICE_BEFORE.exec(text)) {
    // m[1] is the boundary character before the marker.
    const amount = parseAmount(m[3] ?? "0", m[4]);
    hits.push({
      from: m.index + (m[1]?.length ?? 0),
      to: m.index + m[0].length,
      value: { amount, currency: currencyOf(m[2] ?? "", country) },
    });
  }
  PRICE_AFTER.lastIndex = 0;
  for (let m = PRICE_AFTER.exec(text); m !== null; m = PRICE_AFTER.exec(text)) {
    const from = m.index;
    if (hits.some((h) => h.from <= from && h.to > from)) continue;
    const marker = m[3] ?? "";
    const amount = parseAmount(m[1] ?? "0", m[2]) * scale(marker);
    hits.push({ from, to: from + m[0].length, value: { amount, currency: currencyOf(marker, country) } });
  }
  return hits.sort((a, b) => a.from - b.from);
}
