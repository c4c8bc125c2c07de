/**
 * @module @nexus/extraction
 * Pure contact extraction from ad text: phones that see through obfuscation (spelled digits,
 * letters for digits, emoji and Unicode digits, separators, country-code forms, messaging links),
 * resolved to E.164 with the rule that decided the country; emails with "arroba"/"punto" forms;
 * social handles; URLs; ages; prices; names; places; language. Every match keeps its raw span
 * and UTF-16 offsets into the input. No I/O, no clock, no randomness.
 */
export { extractContacts } from "./extract.js";
export { REGION_COUNTRIES } from "./phone-country.js";
export type {
  AgeMatch,
  EmailMatch,
  Extraction,
  ExtractOptions,
  HandleMatch,
  HandlePlatform,
  LocationMatch,
  NameMatch,
  PhoneMatch,
  PhoneRule,
  PriceMatch,
  Span,
  UrlMatch,
} from "./types.js";
