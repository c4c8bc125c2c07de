import { normalizeText } from "./normalize.js";

/** A raw token before stop words and stemming, with its span in the ORIGINAL text. */
export interface RawToken {
  readonly text: string;
  readonly kind: "digits" | "word";
  readonly start: number;
  readonly end: number;
}

// Letters written for digits inside a number ("55l2 3O45"); only these four because "a", "e", "s"
// are Spanish words ("de 2 a 3") and would glue unrelated numbers together.
const CONFUSABLE: Readonly<Record<string, string>> = { o: "0", l: "1", i: "1", "|": "1" };
const MAX_SEPARATOR_RUN = 4;
const MAX_CONFUSABLE_RUN = 2;

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

function isWordChar(c: string): boolean {
  if (c >= "a" && c <= "z") return true;
  if (isDigit(c)) return true;
  return c > "\u007f" && /\p{L}/u.test(c);
}

// What may sit between the groups of one number: spaces, dots, dashes, slashes, brackets and any
// emoji or symbol ("55 ❤ 12-34"). Newlines and commas end a number: they separate list items.
function isSeparator(c: string): boolean {
  if (" \t.-/_()*+#~:'\"".includes(c)) return true;
  return c > "\u007f" && !isWordChar(c) && c !== "\u2028" && c !== "\u2029";
}

class Scanner {
  readonly tokens: RawToken[] = [];
  private readonly text: string;
  private readonly starts: readonly number[];
  private readonly ends: readonly number[];

  constructor(original: string, withOffsets: boolean) {
    const normalized = normalizeText(original, withOffsets);
    this.text = normalized.text;
    this.starts = normalized.starts;
    this.ends = normalized.ends;
  }

  run(): RawToken[] {
    let i = 0;
    const n = this.text.length;
    while (i < n) {
      const c = this.text.charAt(i);
      if (isDigit(c)) i = this.scanDigits(i);
      else if (isWordChar(c)) i = this.scanWord(i);
      else i++;
    }
    return this.tokens;
  }

  private emit(text: string, kind: RawToken["kind"], from: number, to: number): void {
    this.tokens.push({ text, kind, start: this.starts[from] ?? 0, end: this.ends[to - 1] ?? 0 });
  }

  private scanWord(from: number): number {
    let j = from;
    while (j < this.text.length && isWordChar(this.text.charAt(j))) j++;
    this.emit(this.text.slice(from, j), "word", from, j);
    return j;
  }

  /** Length of a run of `accept` characters starting at `from`, or 0 if longer than `max`. */
  private runLength(from: number, max: number, accept: (c: string) => boolean): number {
    let k = from;
    while (k < this.text.length && accept(this.text.charAt(k))) k++;
    return k - from <= max ? k - from : 0;
  }

  private scanDigits(from: number): number {
    const t = this.text;
    let out = "";
    let j = from;
    let joined = false;
    for (;;) {
      while (j < t.length && isDigit(t.charAt(j))) out += t.charAt(j++);
      const conf = this.runLength(j, MAX_CONFUSABLE_RUN, (c) => CONFUSABLE[c] !== undefined);
      if (conf > 0 && isDigit(t.charAt(j + conf))) {
        for (let k = j; k < j + conf; k++) out += CONFUSABLE[t.charAt(k)] ?? "";
        j += conf;
        continue;
      }
      const sep = this.runLength(j, MAX_SEPARATOR_RUN, isSeparator);
      if (sep > 0 && isDigit(t.charAt(j + sep))) {
        j += sep;
        joined = true;
        continue;
      }
      break;
    }
    // "24hrs", "q400" and "2x1" are words, not numbers; a joined number stops before letters.
    if (!joined && j < t.length && isWordChar(t.charAt(j))) return this.scanWord(from);
    this.emit(out, "digits", from, j);
    return j;
  }
}

/**
 * Split `original` into raw tokens: normalised words, and digit runs with their separators removed
 * and look-alike letters inside them turned into digits. Without offsets, `start`/`end` are 0.
 */
export function tokenize(original: string, withOffsets = true): RawToken[] {
  return new Scanner(original, withOffsets).run();
}
