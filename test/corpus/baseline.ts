/**
 * The naive phone-only baseline the resolver must beat: plain libphonenumber-js
 * `findPhoneNumbersInText(body, country)` (default metadata, no de-obfuscation, no guard against
 * generic numbers such as a site's support line), and ads sharing any found number are joined.
 */
import { type CountryCode, findPhoneNumbersInText, isSupportedCountry } from "libphonenumber-js";

export interface BaselineAd {
  id: string;
  body: string;
  country?: string;
}

function find(parent: Map<string, string>, item: string): string {
  let root = item;
  while (parent.get(root) !== root) root = parent.get(root) as string;
  // Path compression keeps later finds flat.
  let node = item;
  while (node !== root) {
    const next = parent.get(node) as string;
    parent.set(node, root);
    node = next;
  }
  return root;
}

export function baselinePhones(ad: BaselineAd): string[] {
  const country = ad.country?.toUpperCase();
  const options = country !== undefined && isSupportedCountry(country) ? (country as CountryCode) : undefined;
  const found = findPhoneNumbersInText(ad.body, options);
  return [...new Set(found.map((match) => match.number.number as string))];
}

/** Clusters ads by shared phone numbers (connected components); returns ad id -> cluster id. */
export function phoneBaseline(ads: Iterable<BaselineAd>): Map<string, string> {
  const parent = new Map<string, string>();
  const ownerOfPhone = new Map<string, string>();
  for (const ad of ads) {
    if (!parent.has(ad.id)) parent.set(ad.id, ad.id);
    for (const phone of baselinePhones(ad)) {
      const owner = ownerOfPhone.get(phone);
      if (owner === undefined) {
        ownerOfPhone.set(phone, ad.id);
        continue;
      }
      const [a, b] = [find(parent, owner), find(parent, ad.id)];
      if (a !== b) parent.set(b, a);
    }
  }
  const clustering = new Map<string, string>();
  for (const id of parent.keys()) clustering.set(id, find(parent, id));
  return clustering;
}
