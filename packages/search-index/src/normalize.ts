/**
 * Per-code-point normalisation that keeps a map back to the original text, so highlights can quote
 * the ad exactly as written. Each code point becomes zero or more ASCII-ish characters: NFKC (fullwidth,
 * mathematical, circled and superscript digits and letters), lower case, accents stripped (ñ → n too,
 * because ads and queries are typed on keyboards with and without ñ), keycap and variation marks dropped,
 * a few look-alike letters (Cyrillic, Greek) and dingbat digits mapped to ASCII.
 */

export interface NormalizedText {
  /** The normalised characters. */
  readonly text: string;
  /** For each character of `text`, the UTF-16 offset in the original where its code point starts. */
  readonly starts: readonly number[];
  /** For each character of `text`, the UTF-16 offset just after its code point in the original. */
  readonly ends: readonly number[];
}

// Negative circled and double-circled digits have no compatibility decomposition, so NFKC leaves them.
const DINGBAT_DIGIT_RUNS: readonly (readonly [number, number, number])[] = [
  [0x2776, 0x277f, 1], // ❶..❿ (❿ = 10)
  [0x2780, 0x2789, 1], // ➀..➉
  [0x278a, 0x2793, 1], // ➊..➓
  [0x24f5, 0x24fe, 1], // ⓵..⓾
  [0x24eb, 0x24f4, 11], // ⓫..⓴
  [0x24ea, 0x24ea, 0], // ⓪
  [0x24ff, 0x24ff, 0], // ⓿
  [0x1f10b, 0x1f10c, 0], // 🄋 🄌
];

// Letters from other scripts that look Latin: used to dodge keyword filters ("сhica" with a Cyrillic с).
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  α: "a",
  β: "b",
  ε: "e",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ℓ: "l",
};

const MARKS = /[\p{M}\p{Cf}]/gu;
const cache = new Map<number, string>();
const CACHE_LIMIT = 50_000;

function dingbatDigits(cp: number): string | undefined {
  for (const [lo, hi, first] of DINGBAT_DIGIT_RUNS) {
    if (cp >= lo && cp <= hi) return String(first + cp - lo);
  }
  return undefined;
}

// Decimal digits of every script come in runs of ten starting at zero (a Unicode stability
// guarantee), so a digit's value is its distance from the start of its run, modulo ten.
function decimalDigit(ch: string, cp: number): string | undefined {
  if (!/\p{Nd}/u.test(ch)) return undefined;
  let k = 0;
  while (k < 60 && /\p{Nd}/u.test(String.fromCodePoint(cp - k - 1))) k++;
  return String(k % 10);
}

function normalizeCodePoint(ch: string, cp: number): string {
  const dingbat = dingbatDigits(cp);
  if (dingbat !== undefined) return dingbat;
  const folded = ch.normalize("NFKC").toLowerCase().normalize("NFD").replace(MARKS, "");
  let out = "";
  for (const c of folded) {
    const code = c.codePointAt(0) ?? 0;
    if (code < 0x80) out += c;
    else out += HOMOGLYPHS[c] ?? decimalDigit(c, code) ?? c;
  }
  return out;
}

function mapCodePoint(ch: string, cp: number): string {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  const out = normalizeCodePoint(ch, cp);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cp, out);
  return out;
}

/** Record `count` output characters: ASCII ones map 1:1 (width 0), others all span one code point. */
function pushOffsets(
  into: { readonly starts: number[]; readonly ends: number[] },
  span: { readonly at: number; readonly count: number; readonly width: number },
): void {
  const { at, count, width } = span;
  for (let k = 0; k < count; k++) {
    const start = width === 0 ? at + k : at;
    into.starts.push(start);
    into.ends.push(width === 0 ? start + 1 : at + width);
  }
}

/**
 * Normalise `original` code point by code point, keeping offsets back into it unless `withOffsets`
 * is false (indexing needs none; only highlighting does, on a page of hits).
 */
export function normalizeText(original: string, withOffsets = true): NormalizedText {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < original.length) {
    // ASCII fast path: most of every ad, lower-cased a run at a time.
    let j = i;
    while (j < original.length && original.charCodeAt(j) < 0x80) j++;
    if (j > i) {
      parts.push(original.slice(i, j).toLowerCase());
      if (withOffsets) pushOffsets({ starts, ends }, { at: i, count: j - i, width: 0 });
      i = j;
      continue;
    }
    const cp = original.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const mapped = mapCodePoint(String.fromCodePoint(cp), cp);
    // A code point that vanishes (keycap, variation selector, accent) belongs to the one before it.
    if (withOffsets && mapped === "" && ends.length > 0) ends[ends.length - 1] = i + width;
    if (withOffsets) pushOffsets({ starts, ends }, { at: i, count: mapped.length, width });
    parts.push(mapped);
    i += width;
  }
  return { text: parts.join(""), starts, ends };
}
