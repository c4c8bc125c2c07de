/**
 * Currency words and signs as ads write them (signs already folded to their codes), with their ISO
 * 4217 codes. Not "pounds": in ads it is a weight far more often than money.
 */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  gbp: "GBP",
  quid: "GBP",
  eur: "EUR",
  euro: "EUR",
  euros: "EUR",
  jpy: "JPY",
  yen: "JPY",
  inr: "INR",
  rs: "INR",
  rupees: "INR",
  aud: "AUD",
  au$: "AUD",
  a$: "AUD",
  cad: "CAD",
  ca$: "CAD",
  c$: "CAD",
  nzd: "NZD",
};
