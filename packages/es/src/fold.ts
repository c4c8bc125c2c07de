/** A filter/facet key: trimmed, lower case, accents stripped, inner whitespace squeezed. */
export function foldKey(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** ISO 3166 alpha-2 as stored: upper case. */
export function countryKey(value: string): string {
  return value.trim().toUpperCase();
}
