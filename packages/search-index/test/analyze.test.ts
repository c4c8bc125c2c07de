import { describe, expect, it } from "vitest";
import { analyze, analyzeTokens, guessLanguage, type Language } from "../src/index.js";

interface Case {
  readonly name: string;
  readonly text: string;
  readonly language?: Language;
  readonly expected: readonly string[];
}

const SPANISH: readonly Case[] = [
  { name: "case and accents fold", text: "ATENCIÓN Atención atencion", expected: ["atencion", "atencion", "atencion"] },
  { name: "ñ folds to n", text: "niña nina", expected: ["nin", "nin"] },
  {
    name: "plural and singular share a stem",
    text: "hermosas hermosa hermosos",
    expected: ["hermos", "hermos", "hermos"],
  },
  { name: "consonant plurals", text: "jóvenes joven ciudades ciudad", expected: ["jov", "jov", "ciud", "ciud"] },
  { name: "-bles plural", text: "disponibles disponible", expected: ["dispon", "dispon"] },
  { name: "stop words dropped", text: "la chica de la ciudad", expected: ["chic", "ciud"] },
  { name: "letter runs squeezed", text: "hermosaaaa besoooos", expected: ["hermos", "bes"] },
  { name: "doubles kept", text: "llamame perro", expected: ["llamam", "perr"] },
  { name: "Cyrillic look-alike letters", text: "сhica", expected: ["chic"] },
  { name: "fullwidth letters", text: "ＣＨＩＣＡ", expected: ["chic"] },
];

const ENGLISH: readonly Case[] = [
  {
    name: "plurals",
    text: "girls girl massages massage",
    language: "en",
    expected: ["girl", "girl", "massag", "massag"],
  },
  { name: "stop words", text: "the girl is available", language: "en", expected: ["girl", "avail"] },
  { name: "case", text: "NEW in TOWN", language: "en", expected: ["new", "town"] },
];

const DIGITS: readonly Case[] = [
  { name: "keycap emoji phone", text: "5️⃣5️⃣1️⃣2️⃣ 3️⃣4️⃣5️⃣6️⃣", expected: ["55123456"] },
  { name: "fullwidth digits", text: "３００１２３４５６７", expected: ["3001234567"] },
  { name: "mathematical digits", text: "𝟑𝟎𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕", expected: ["3001234567"] },
  { name: "circled and dingbat digits", text: "③⓪⓪❶➁➌", expected: ["300123"] },
  { name: "Arabic-Indic digits", text: "٣٠٠١٢٣", expected: ["300123"] },
  { name: "groups joined across separators", text: "55-12.34 56", expected: ["55123456"] },
  { name: "groups joined across emoji", text: "55 ❤️ 12 ❤️ 34 ❤️ 56", expected: ["55123456"] },
  { name: "letters for digits inside a run", text: "55l2 34O6 3|4", expected: ["55123406314"] },
  { name: "'o' between spaced numbers is a word", text: "2 o 3 horas", expected: ["2", "3", "hor"] },
  { name: "newline ends a number", text: "tel 5512\n25 años", expected: ["tel", "5512", "25", "ano"] },
  { name: "alphanumerics stay words", text: "Q400 24hrs 2x1", expected: ["q400", "24hrs", "2x1"] },
];

describe("analyze", () => {
  for (const c of [...SPANISH, ...ENGLISH, ...DIGITS]) {
    it(c.name, () => {
      const options = c.language === undefined ? { language: "es" as const } : { language: c.language };
      expect(analyze(c.text, options)).toEqual(c.expected);
    });
  }

  it("gives the same terms for a document and a query", () => {
    const doc = "Chicas HERMOSAS disponibles 24hrs en Bogotá";
    expect(analyze("chica hermosa disponible bogota")).toEqual(analyze(doc).filter((t) => t !== "24hrs"));
  });

  it("never emits whitespace inside a term", () => {
    for (const t of analyze("a b\tc 12 34 ❤ 5️⃣ niño   ｘ")) expect(t).not.toMatch(/\s/);
  });

  it("maps tokens back to the original text", () => {
    const text = "Llámame 5️⃣5️⃣ 1️⃣2️⃣";
    const [word, phone] = analyzeTokens(text, "es");
    expect(text.slice(word?.start, word?.end)).toBe("Llámame");
    expect(text.slice(phone?.start, phone?.end)).toBe("5️⃣5️⃣ 1️⃣2️⃣");
  });
});

describe("guessLanguage", () => {
  it.each([
    ["Hola, soy una chica muy cariñosa de Bogotá", "es"],
    ["Hi, I am a sweet girl and I am new in the city", "en"],
    ["", "es"],
  ] as const)("%s → %s", (text, expected) => {
    expect(guessLanguage(text)).toBe(expected);
  });
});
