import { describe, expect, it } from "vitest";
import { type ExtractOptions, extractContacts, type PhoneMatch } from "../../src/index.js";

const phonesOf = (text: string, options: ExtractOptions = {}): PhoneMatch[] => extractContacts(text, options).phones;
const keys = (text: string, options: ExtractOptions = {}): string[] =>
  phonesOf(text, options).map((p) => `${p.e164}/${p.country}`);

describe("issue 17: NANP is one numbering plan", () => {
  it.each([
    ["(647) 555-0199", "+16475550199/CA"],
    ["613-555-0142", "+16135550142/CA"],
    ["226-555-0188", "+12265550188/CA"],
  ])("a Canadian %s in a US ad stays +1, never Mexican", (text, key) => {
    const [phone, ...rest] = phonesOf(`Call me ${text} babe`, { country: "US" });
    expect(rest).toEqual([]);
    expect(`${phone?.e164}/${phone?.country}`).toBe(key);
    expect(phone?.rule).toBe("ad-country");
    expect(phone?.evidence).toContain("country-field:US");
  });

  it("a number valid under the ad's calling code is read there even when another region country takes it", () => {
    // 786 555 0144 is also a valid Mexican number; the ad's +1 wins.
    expect(keys("llamame 786 555 0144", { country: "US" })).toEqual(["+17865550144/US"]);
  });

  it("keeps the region's order when nothing tells the countries apart", () => {
    // No field, no place, no language: a number valid in Mexico and NANP is read as the region's first.
    expect(keys("6475550199")).toEqual(["+526475550199/MX"]);
  });
});

describe("issue 17: separators and glue real ads use", () => {
  it.each([
    ["after @", "Text or Call @ 9055550123", "US", "+19055550123/CA"],
    ["between emoji", "💓 587-555-0134 💓", "US", "+15875550134/CA"],
    ["glued to a Spanish word", "llamame papi 7865550144tengo lugar", "US", "+17865550144/US"],
    ["glued after a word", "Chicago callme3125509871", "US", "+13125509871/US"],
    ["semicolons", "Indian call girls ☎ +9198;76;54;32;10", "US", "+919876543210/IN"],
    ["00 calling code", "Leeds 0044 7788 901 223 whatsapp", undefined, "+447788901223/GB"],
    ["calling code without + or 00", "Birmingham 44 7521 008 334 call me", "GB", "+447521008334/GB"],
    ["+cc (0)", "London escort +44 (0) 7912 554 210 £200/hr", undefined, "+447912554210/GB"],
    [
      "spelled English around a UK mobile",
      "London 📞 zero seven eight one two, four four one, nine nine two",
      "GB",
      "+447812441992/GB",
    ],
  ])("%s", (_name, text, country, key) => {
    expect(keys(text, country ? { country } : {})).toEqual([key]);
  });
});

describe("issue 17: English words glued to digits", () => {
  it("reads for, to, ate and won as digits inside a word with digits", () => {
    expect(keys("new girl for80 2sixseven one9zerofor incall", { country: "US" })).toEqual(["+14802671904/US"]);
    expect(keys("call me 7o2 ate8ate 2two9won", { country: "US" })).toEqual(["+17028882291/US"]);
  });

  it("leaves them words on their own", () => {
    expect(keys("call 702 888 2291 for 200 roses, to 11pm", { country: "US" })).toEqual(["+17028882291/US"]);
  });
});

describe("issue 17: the false friends", () => {
  it.each([
    ["repeated pairs", "kisses 23 23 23 23 23 call for info"],
    ["a repeated digit", "5555555555 xoxo"],
    ["a date written with spaces", "Posted: 2016 06 17 - 21 special rates"],
    ["an ad id", "Ad #20394857 • 5'6 • 34C • 100% real • 2hr 400"],
    ["pound prices", "London 30min £100 1hr £150 2hrs £280 overnight £800"],
    ["yen prices", "Rates ¥15000 ¥25000 ¥40000 Tokyo"],
    ["a reference", "Ref: 0412345678 Sydney listing"],
  ])("%s is not a phone", (_name, text) => {
    expect(keys(text, { country: "US" })).toEqual([]);
  });

  it("reads the phone next to the false friends", () => {
    expect(keys("Toronto 23 23 23 23 kisses 416-222-9087")).toEqual(["+14162229087/CA"]);
  });
});

describe("issue 17: country inference from every signal", () => {
  it("a UK mobile in a London ad with a wrong US field", () => {
    const [phone] = phonesOf("London girl, Kensington incall, 07700 312345 call anytime", { country: "US" });
    expect(phone?.e164).toBe("+447700312345");
    expect(phone?.rule).toBe("inferred-country");
    expect(phone?.evidence).toEqual(expect.arrayContaining(["city:London", "trunk-prefix"]));
  });

  it("an Australian landline in a Melbourne ad with a .com.au link", () => {
    const [phone] = phonesOf("Melbourne southbank, call 03 9555 0147 see melbgirls.com.au", { country: "US" });
    expect(`${phone?.e164}/${phone?.country}`).toBe("+61395550147/AU");
    expect(phone?.evidence).toEqual(expect.arrayContaining(["city:Melbourne", "text-tld:.au"]));
  });

  it("the ad's URL and source weigh the country", () => {
    // No words, so no language either: only the fields can tell.
    const text = "💋 0412 773 508 💋";
    expect(keys(text)).toEqual([]);
    expect(keys(text, { url: "https://sydney.example-escorts.com.au/ad/1" })).toEqual(["+61412773508/AU"]);
    expect(keys(text, { source: "adultwork-style.co.uk" })).toEqual([]);
  });

  it("the city field alone sets the ad country", () => {
    const [phone] = phonesOf("💓 587-316-2290 💓 car dates welcome", { city: "Calgary" });
    expect(`${phone?.e164}/${phone?.country}`).toBe("+15873162290/CA");
    expect(phone?.rule).toBe("inferred-country");
    expect(phone?.evidence).toContain("city-field:Calgary");
  });

  it("a calling code written elsewhere in the ad is evidence for its other numbers", () => {
    const text = "Dubai: +971 55 832 1904 or 050 442 8810";
    expect(keys(text)).toEqual(["+971558321904/AE", "+971504428810/AE"]);
  });

  it("the currency is evidence", () => {
    expect(keys("💋 0412 773 508 💋 100/30min")).toEqual([]);
    expect(keys("💋 0412 773 508 💋 100 AUD/30min")).toEqual(["+61412773508/AU"]);
  });

  it("a place of the ad's own country wins over its namesakes", () => {
    // Valencia is both Spanish and Venezuelan: in a VE ad it is Venezuelan, and a Spanish mobile is not read.
    expect(keys("Valencia 612 483 907", { country: "VE" })).toEqual([]);
    expect(keys("Valencia 612 483 907", { country: "ES" })).toEqual(["+34612483907/ES"]);
  });

  it("an advertised name is not a place", () => {
    // "I'm Sydney" in a US ad says nothing of Australia.
    const evidence = phonesOf("Hi I'm Sydney 💋 call 0412 773 508", { country: "US" });
    expect(evidence).toEqual([]);
  });

  it("evidence for a small country of a shared code reads only its numbers", () => {
    // Santo Domingo is the Dominican Republic, not all of +1: a West Virginia area code is not read.
    expect(keys("Santo Domingo 📲 304 6030578", { country: "EC" })).toEqual(["+573046030578/CO"]);
    expect(keys("Santo Domingo 809-547-2231", { country: "EC" })).toEqual(["+18095472231/DO"]);
  });

  it("the language of an ad with no other evidence points to the markets that speak it", () => {
    // English text, an Indian-shaped mobile valid nowhere in the region or NANP.
    expect(keys("call me now babe, available tonight 8 8 6 1 0 4 4 2 3 3")).toEqual(["+918861044233/IN"]);
  });
});

describe("issue 17: whole numbers", () => {
  it("does not read a piece of digits written one by one", () => {
    // The last eight digits are a valid Panamanian mobile; the ten together are an Indian one.
    expect(keys("Bangalore 💃 8 8 6 1 0 4 4 2 3 3 💃")).toEqual([]);
  });

  it("a written trunk zero is not left out", () => {
    // "zero four one four ..." is Venezuelan with its trunk zero, not +1 414 (Milwaukee).
    expect(keys("call zero four one four five oh four six five eight six", { country: "US" })).toEqual([
      "+584145046586/VE",
    ]);
  });
});
