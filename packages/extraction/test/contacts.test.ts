import { describe, expect, it } from "vitest";
import { extractContacts } from "../src/index.js";

describe("emails", () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ["ana@gmail.com", "ana@gmail.com"],
    ["ana arroba gmail punto com", "ana@gmail.com"],
    ["ana.lopez @ hotmail . com", "ana.lopez@hotmail.com"],
    ["ana(at)yahoo(dot)com", "ana@yahoo.com"],
    ["ANA [at] OUTLOOK [dot] COM", "ana@outlook.com"],
    ["sofia.tx at gmail dot com", "sofia.tx@gmail.com"],
  ];
  it.each(cases)("%s", (text, value) => {
    const emails = extractContacts(`correo: ${text}.`).emails;
    expect(emails.map((e) => e.value)).toEqual([value]);
  });

  it("does not read a handle or a link as an email", () => {
    expect(extractContacts("IG @ana_hot").emails).toEqual([]);
    expect(extractContacts("reach me at t.me/ana_vip or at x.com/ana").emails).toEqual([]);
    expect(extractContacts("IG @ana. Es nueva").emails).toEqual([]);
  });
});

describe("handles", () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ["IG: @ana_hot", "instagram:ana_hot"],
    ["sígueme en insta @ana.gt", "instagram:ana.gt"],
    ["instagram.com/ana_gt", "instagram:ana_gt"],
    ["Telegram: @ana_vip", "telegram:ana_vip"],
    ["t.me/ana_vip0", "telegram:ana_vip0"],
    ["OnlyFans: anahot", "onlyfans:anahot"],
    ["onlyfans.com/anahot", "onlyfans:anahot"],
    ["👻 ana_snap", "snapchat:ana_snap"],
    ["Twitter @ana_x", "x:ana_x"],
    ["x.com/ana_x", "x:ana_x"],
    ["TikTok: @ana.tt", "tiktok:ana.tt"],
    ["tiktok.com/@ana.tt", "tiktok:ana.tt"],
  ];
  it.each(cases)("%s", (text, expected) => {
    const handles = extractContacts(text).handles;
    expect(handles.map((h) => `${h.platform}:${h.value}`)).toEqual([expected]);
  });

  it("reads a bare name introduced by 'como'", () => {
    const handles = extractContacts("me encuentras como @valen.med en insta y como valenmed en twitter").handles;
    expect(handles.map((h) => `${h.platform}:${h.value}`)).toEqual(["instagram:valen.med", "x:valenmed"]);
  });

  it("ignores ordinary words that look like keys", () => {
    expect(extractContacts("2 x 1 promo, best of the city, tel 5555 1234").handles).toEqual([]);
  });
});

describe("attributes", () => {
  const ad = "Hola soy Dayana, 22 años, Q500 la hora o $60, zona 10 en Mixco. Visit https://example.com/ana";
  const got = extractContacts(ad, { country: "GT" });

  it("finds ages, prices, names, places and urls with offsets into the input", () => {
    expect(got.ages.map((a) => a.value)).toEqual([22]);
    expect(got.prices.map((p) => [p.amount, p.currency])).toEqual([
      [500, "GTQ"],
      [60, "USD"],
    ]);
    expect(got.names.map((n) => n.value)).toEqual(["Dayana"]);
    expect(got.locations.map((l) => [l.value, l.country])).toEqual([
      ["Zona 10", "GT"],
      ["Mixco", "GT"],
    ]);
    expect(got.urls.map((u) => u.url)).toEqual(["https://example.com/ana"]);
    for (const s of [...got.ages, ...got.prices, ...got.names, ...got.locations, ...got.urls]) {
      expect(ad.slice(s.start, s.end)).toBe(s.raw);
    }
  });

  it("detects the language", () => {
    expect(got.language).toBe("es");
    expect(extractContacts("Hi I am new in town, call me").language).toBe("en");
    expect(extractContacts("5555 1234").language).toBe("und");
  });

  it("reads $ by country", () => {
    expect(extractContacts("$150.000", { country: "CO" }).prices[0]).toMatchObject({ amount: 150000, currency: "COP" });
  });
});

describe("attribute details", () => {
  it("keeps one age for 'tengo 20 años'", () => {
    expect(extractContacts("tengo 20 años").ages.map((a) => a.value)).toEqual([20]);
  });

  it("does not find a city inside a handle, and lists a city once", () => {
    const got = extractContacts("Manta 🌊 hoy en Manta, tg: @manta_chica");
    expect(got.locations.map((l) => [l.value, l.start])).toEqual([["Manta", 0]]);
  });
});
