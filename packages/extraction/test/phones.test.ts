import { describe, expect, it } from "vitest";
import { extractContacts, REGION_COUNTRIES } from "../src/index.js";

const phones = (text: string, country?: string) =>
  extractContacts(text, country === undefined ? {} : { country }).phones.map((p) => p.e164);

describe("phone obfuscation forms", () => {
  const cases: ReadonlyArray<readonly [string, string, string, string, string]> = [
    ["plain", "GT", "llama 5555-1234", "+50255551234", ""],
    ["spelled Spanish", "GT", "cinco cinco cinco cinco uno dos tres cuatro", "+50255551234", "spelled-es"],
    ["spelled English", "US", "two zero two five five five zero one four three", "+12025550143", "spelled-en"],
    ["mixed words and digits", "GT", "cuatro1dos3 cuatro5seis7", "+50241234567", "spelled-es"],
    ["misspellings", "GT", "sinco sinco sinco sinco uno dos tres quatro", "+50255551234", "spelled-es"],
    ["sero and nuebe", "EC", "sero nuebe nuebe uno dos tres cuatro cinco seis siete", "+593991234567", "spelled-es"],
    ["two-digit groups", "GT", "treinta y dos, cero cuatro, ochenta, doce", "+50232048012", "two-digit-groups-es"],
    ["letters for digits", "GT", "4l23-4567", "+50241234567", "letter-digits"],
    ["O for zero", "CO", "3OO l23 4567", "+573001234567", "letter-digits"],
    ["keycap emoji", "GT", "5️⃣5️⃣5️⃣5️⃣ 1️⃣2️⃣3️⃣4️⃣", "+50255551234", "keycap-emoji"],
    ["fullwidth", "GT", "５５５５１２３４", "+50255551234", "unicode-digits"],
    ["mathematical", "GT", "𝟓𝟓𝟓𝟓 𝟏𝟐𝟑𝟒", "+50255551234", "unicode-digits"],
    ["circled", "CO", "③⓪⓪ ①②③ ④⑤⑥⑦", "+573001234567", "unicode-digits"],
    ["dotted", "VE", "0414.123.45.67", "+584141234567", "separators"],
    ["slashed", "VE", "0424/777/88/99", "+584247778899", "separators"],
    ["split by hearts", "GT", "5❤️5❤️5❤️5❤️1❤️2❤️3❤️4", "+50255551234", "emoji-separators"],
    ["+cc", "CO", "+57 300 123 4567", "+573001234567", ""],
    ["00cc", "GT", "00502 4123 4567", "+50241234567", ""],
    ["(cc)", "GT", "(502) 4123-4567", "+50241234567", ""],
    ["cc-", "CO", "57-3001234567", "+573001234567", ""],
    ["stray trunk zero", "PA", "+58 0414 123 4567", "+584141234567", "stray-trunk-zero"],
    ["wa.me", "GT", "https://wa.me/50255551234", "+50255551234", "whatsapp-link"],
    ["api.whatsapp.com", "CO", "api.whatsapp.com/send?phone=573124567890", "+573124567890", "whatsapp-link"],
    ["t.me/+", "GT", "t.me/+50255551234", "+50255551234", "telegram-link"],
  ];
  it.each(cases)("%s", (_name, country, text, e164, tag) => {
    const [match, ...rest] = extractContacts(text, { country }).phones;
    expect(rest).toEqual([]);
    expect(match?.e164).toBe(e164);
    if (tag) expect(match?.obfuscations).toContain(tag);
    expect(match?.confidence).toBeGreaterThan(0.5);
    expect(text.slice(match?.start, match?.end)).toBe(match?.raw);
  });
});

describe("distractors are not phones", () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ["prices", "Q400 la hora, $50 media, 100 USD la noche, 150.000 pesos"],
    ["ages", "tengo 22 años, edad: 25, 23 years old"],
    ["measurements", "medidas 90-60-90, 95 60 90"],
    ["heights and weights", "mido 1.65, 1,70 m, 55 kg, 5'6"],
    ["dates", "disponible 15/11/2026, posted 11/14/2026, 3 de enero de 2026"],
    ["times", "de 10:30 am a 22:00 hrs, 24/7"],
    ["zones and addresses", "12 calle 5-43 zona 10, calle 85 # 12-40, cp 06700"],
    ["reference ids", "Ref: 2024051234, ID anuncio 887766554433, #99887766, nit 1234567-8"],
    ["long digit runs", "codigo de barras 7501234567890123 y 123456789012"],
    [
      "bank accounts and cards",
      "depósito a cuenta Banrural 3012345678, tarjeta 4152 3134 5678 9012, CLABE 012180001234567891",
    ],
    ["landline-shaped ids of another country", "Cámara de Comercio 01234567"],
  ];
  it.each(cases)("%s", (_name, text) => {
    expect(phones(text, "GT")).toEqual([]);
  });

  it("finds the phone among distractors", () => {
    expect(phones("Q400, 25 años, 90-60-90, zona 10, Ref 2024051234, tel 5555 1234", "GT")).toEqual(["+50255551234"]);
  });
});

describe("country rules", () => {
  it("uses the ad's country first", () => {
    const [p] = extractContacts("5555 1234", { country: "GT" }).phones;
    expect([p?.country, p?.rule]).toEqual(["GT", "ad-country"]);
  });

  it("falls back to the region when the number is only valid elsewhere", () => {
    const [p] = extractContacts("escribe al 0414 123 4567", { country: "CO" }).phones;
    expect([p?.e164, p?.country, p?.rule]).toEqual(["+584141234567", "VE", "region-fallback"]);
  });

  it("reports an explicit country code", () => {
    const [p] = extractContacts("+58 414 1234567", { country: "PA" }).phones;
    expect([p?.country, p?.rule]).toEqual(["VE", "explicit-country-code"]);
  });

  it("reports messaging links", () => {
    expect(extractContacts("wa.me/584141234567", { country: "GT" }).phones[0]?.rule).toBe("messaging-link");
  });

  it("works without an ad country", () => {
    expect(phones("5555-1234")).toEqual(["+50255551234"]);
  });

  it("starts the fallback order with the region's countries", () => {
    expect(REGION_COUNTRIES.slice(0, 7)).toEqual(["GT", "PA", "CO", "VE", "EC", "MX", "US"]);
  });

  it("counts a repeated number once, at its first occurrence", () => {
    const found = extractContacts("5555-1234 y otra vez cinco cinco cinco cinco uno dos tres cuatro", {
      country: "GT",
    }).phones;
    expect(found.map((p) => [p.e164, p.start])).toEqual([["+50255551234", 0]]);
  });

  it("validates real ranges, not length", () => {
    expect(phones("1234 5678", "GT")).toEqual([]);
  });
});

describe("more spelled and international forms", () => {
  it("reads Spanish hundreds", () => {
    expect(phones("tres cero cero ciento veintitrés cuarenta y cinco sesenta y siete", "CO")).toEqual([
      "+573001234567",
    ]);
  });

  it("reads Mexico's retired mobile 1", () => {
    expect(phones("WhatsApp: +52 1 55 1234 5678", "MX")).toEqual(["+525512345678"]);
  });

  it("prefers the whole spelled run over a prefix valid in the ad's country", () => {
    expect(phones("tres cero tres cuatro nueve dos dos ocho ocho cero", "GT")).toEqual(["+573034922880"]);
  });

  it("keeps a trailing short number apart from the phone", () => {
    expect(phones("5555 1234 30 minutos", "GT")).toEqual(["+50255551234"]);
  });

  it("tags plain writing without obfuscations", () => {
    expect(extractContacts("5555 1234", { country: "GT" }).phones[0]?.obfuscations).toEqual([]);
    expect(extractContacts("5.5.5.5.1.2.3.4", { country: "GT" }).phones[0]?.obfuscations).toContain("separators");
  });

  it("reads a calling code without '+' only for the region's codes", () => {
    expect(phones("ID 554837084840 y 966144951409", "EC")).toEqual([]);
    expect(phones("whatsapp 584141234567", "CO")).toEqual(["+584141234567"]);
  });

  it("does not read the digits before a price suffix as a price", () => {
    expect(phones("Text me (502) 5541-1946 Q800 la hora", "GT")).toEqual(["+50255411946"]);
  });

  it("prefers a foreign mobile over a prefix that is a local landline", () => {
    expect(phones("five, zero, two, four, three, six, nine, two", "PA")).toEqual(["+50250243692"]);
  });

  it("splits two spelled numbers where the separators change", () => {
    const text = "three-three-one-one-eight-five-five-three-five-five three, two, one, six, two, eight, six, two";
    expect(phones(text, "MX")).toEqual(["+523311855355", "+50232162862"]);
  });
});
