/** `extractContacts`: one normalisation pass, then each scanner over the folded text. */
import { findAges, findPrices } from "./attributes.js";
import { inferCountry } from "./country-evidence.js";
import { maskDistractors } from "./distractors.js";
import { findEmails, undo } from "./emails.js";
import { findHandles } from "./handles.js";
import { normalise, toSpan } from "./normalise.js";
import { findPhones } from "./phones.js";
import { detectLanguage, findNames, findPlaces } from "./places.js";
import type { Extraction, ExtractOptions } from "./types.js";
import { findUrls } from "./urls.js";

const MESSAGING = /^(?:https?:\/\/)?(?:www\.)?(?:wa\.me|api\.whatsapp\.com|whatsapp\.com|t\.me)\//;

function overlaps(a: { from: number; to: number }, list: readonly { from: number; to: number }[]): boolean {
  return list.some((b) => a.from < b.to && b.from < a.to);
}

/** Every contact and attribute in an ad's text; see the package README for what each field means. */
export function extractContacts(text: string, options: ExtractOptions = {}): Extraction {
  const country = options.country?.toUpperCase();
  const norm = normalise(text);
  const folded = norm.text;
  const emails = findEmails(folded);
  const urls = findUrls(folded).filter((u) => !overlaps(u, emails));
  const handles = findHandles(folded);
  const ages = findAges(folded);
  const prices = findPrices(folded, country);
  // Digits inside emails, ordinary URLs, ages and prices are never phone digits; messaging links are.
  const masked: [number, number][] = [];
  for (const e of emails) masked.push([e.from, e.to]);
  for (const u of urls) if (!MESSAGING.test(folded.slice(u.from, u.to))) masked.push([u.from, u.to]);
  for (const h of handles) masked.push([h.from, h.to]);
  for (const a of ages) masked.push([a.from, a.to]);
  for (const p of prices) masked.push([p.from, p.to]);
  const mask = maskDistractors(folded, masked);
  const span = (from: number, to: number) => toSpan(norm, text, from, to);
  const language = detectLanguage(folded);
  const names = findNames(folded, text, norm.start);
  const evidence = inferCountry({
    text: folded,
    signals: { ...options, ...(country ? { country } : {}) },
    language,
    links: [...urls, ...emails].map((l) => folded.slice(l.from, l.to)),
    names,
  });
  return {
    language,
    phones: findPhones(norm, text, evidence, mask),
    emails: emails.map((e) => {
      const s = span(e.from, e.to);
      // Keep letters the folding changed ("quiteña"); fall back to the folded form if the raw one is odd.
      const raw = undo(s.raw.toLowerCase());
      const value = /^[^\s@]+@[^\s@]+\.[a-z]+$/u.test(raw) ? raw : e.value;
      return { ...s, value, obfuscations: e.obfuscations };
    }),
    handles: handles.map((h) => ({ ...span(h.from, h.to), platform: h.platform, value: h.value })),
    urls: urls.map((u) => {
      const s = span(u.from, u.to);
      return { ...s, url: s.raw };
    }),
    ages: ages.map((a) => ({ ...span(a.from, a.to), value: a.value })),
    prices: prices.map((p) => ({ ...span(p.from, p.to), amount: p.value.amount, currency: p.value.currency })),
    names: names.map((n) => {
      const s = span(n.from, n.to);
      return { ...s, value: s.raw };
    }),
    locations: findPlaces(folded, country).map((p) => ({
      ...span(p.from, p.to),
      value: p.value,
      ...(p.country ? { country: p.country } : {}),
    })),
  };
}
