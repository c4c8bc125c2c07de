import { describe, expect, it } from "vitest";
import { PHONE_STYLES, PLAIN_STYLES, renderPhone } from "../../corpus/obfuscation.js";
import { createPhoneFactory, type Phone } from "../../corpus/phones.js";
import { createRng } from "../../corpus/rng.js";

const WORDS: Record<string, string> = {
  cero: "0",
  sero: "0",
  zero: "0",
  oh: "0",
  uno: "1",
  one: "1",
  dos: "2",
  two: "2",
  tres: "3",
  three: "3",
  cuatro: "4",
  four: "4",
  cinco: "5",
  sinco: "5",
  five: "5",
  seis: "6",
  seiz: "6",
  six: "6",
  siete: "7",
  seven: "7",
  ocho: "8",
  eight: "8",
  nueve: "9",
  nuebe: "9",
  nine: "9",
};

const WORD_PATTERN = new RegExp(
  Object.keys(WORDS)
    .sort((a, b) => b.length - a.length)
    .join("|"),
  "g",
);

/** A deliberately simple reader for every style but the two-digit groups, to check the digits survive. */
function readDigits(text: string): string {
  const unlinked = text.replace(/^.*(wa\.me\/|phone=)/, "");
  const spelled = unlinked
    .normalize("NFKC")
    .replace(/[\uFE0F\u20E3]/g, "")
    .replace(WORD_PATTERN, (word) => WORDS[word] ?? word);
  const unlettered = spelled.replace(/[Oo]/g, "0").replace(/[lI|]/g, "1").replace(/S/g, "5");
  return unlettered.replace(/\D/g, "").replace(/^00/, "");
}

function readings(phone: Phone): string[] {
  return [
    phone.nationalDigits,
    `${phone.callingCode}${phone.nationalNumber}`,
    `${phone.callingCode}${phone.nationalDigits}`,
  ];
}

describe("renderPhone", () => {
  const factory = createPhoneFactory(createRng(11));
  const phones = (["GT", "PA", "CO", "VE", "EC", "MX", "US"] as const).map((country) => factory.create(country));

  it("keeps the number's digits recoverable in every style", () => {
    const rng = createRng(5);
    for (const phone of phones) {
      for (const style of PHONE_STYLES) {
        if (style === "two-digit-es") continue;
        for (let round = 0; round < 5; round++) {
          const text = renderPhone(rng, phone, style);
          expect(readings(phone), `${style}: ${text}`).toContain(readDigits(text));
        }
      }
    }
  });

  it("reads Spanish two-digit groups the way they are spoken", () => {
    const phone = { ...phones[0], nationalDigits: "51230480" } as Phone;
    const text = renderPhone(createRng(1), phone, "two-digit-es");
    expect(text.replace(/[,-]/g, "").replace(/\s+/g, " ")).toBe("cincuenta y uno veintitrés cero cuatro ochenta");
  });

  it("writes plain styles that libphonenumber-style readers see as a number", () => {
    const venezuelan = phones[3] as Phone;
    expect(renderPhone(createRng(1), venezuelan, "national")).toMatch(/^04\d\d-\d{7}$/);
    expect(renderPhone(createRng(1), venezuelan, "stray-trunk-zero")).toMatch(/^\+58 04\d\d/);
    expect(PLAIN_STYLES.has("keycap")).toBe(false);
  });

  it("uses keycap, fullwidth and circled characters rather than ASCII digits", () => {
    const phone = phones[1] as Phone;
    expect(renderPhone(createRng(1), phone, "keycap")).toContain("\uFE0F\u20E3");
    expect(renderPhone(createRng(1), phone, "fullwidth")).not.toMatch(/[0-9]/);
    expect(renderPhone(createRng(1), phone, "circled")).not.toMatch(/[0-9]/);
  });
});
