/**
 * One pass over the input that lower-cases, strips Latin accents, folds every kind of Unicode digit
 * (fullwidth, mathematical, circled, keycap, other scripts) to ASCII and turns emoji into a
 * separator, while remembering for each output character which input code units it came from.
 * Every later scanner works on the folded text and maps its hits back through `start`/`end`.
 */

export const DigitMark = { plain: 0, unicode: 1, keycap: 2 } as const;
export type DigitMark = (typeof DigitMark)[keyof typeof DigitMark];

export interface Normalised {
  /** Folded text: ASCII lower-case letters, digits, punctuation; '~' for emoji and symbols. */
  text: string;
  /** Input offset where the code point behind output char i starts. */
  start: Int32Array;
  /** Input offset where it ends. */
  end: Int32Array;
  /** How a digit at output char i was written. */
  mark: Uint8Array;
}

// Zero code point of every run of ten decimal digits we expect in ads (Unicode Nd blocks).
const DIGIT_ZEROS = [
  0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20,
  0x1040, 0x1090, 0x17e0, 0x1810, 0xff10, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1fbf0,
] as const;

// Runs of digits 1..9 (circled, dingbat, parenthesised, full stop, double circled) and odd zeros.
const ONE_TO_NINE = [0x2460, 0x2474, 0x2488, 0x2776, 0x2780, 0x278a, 0x24f5] as const;
const EXTRA_DIGITS: ReadonlyMap<number, string> = new Map([
  [0x24ea, "0"],
  [0x24ff, "0"],
  [0x1f10b, "0"],
  [0x1f10c, "0"],
  [0x2070, "0"],
  [0xb9, "1"],
  [0xb2, "2"],
  [0xb3, "3"],
  [0x1f51f, "10"],
]);

const ACCENT_GROUPS: ReadonlyArray<readonly [string, string]> = [
  ["áàäâãåāÁÀÄÂÃÅĀ", "a"],
  ["éèëêēÉÈËÊĒ", "e"],
  ["íìïîīÍÌÏÎĪ", "i"],
  ["óòöôõōÓÒÖÔÕŌ", "o"],
  ["úùüûūÚÙÜÛŪ", "u"],
  ["ñÑ", "n"],
  ["çÇ", "c"],
];
const ACCENTS: ReadonlyMap<number, string> = new Map(
  ACCENT_GROUPS.flatMap(([chars, base]) => [...chars].map((c): [number, string] => [c.codePointAt(0) ?? 0, base])),
);

// Emoji and symbols that advertisers use as words; spelling them out lets the keyword scanners see
// them. Currency signs become their ISO codes: a price, and evidence of the country.
const EMOJI_WORDS: ReadonlyMap<number, string> = new Map([
  [0x1f47b, " snapchat "],
  [0x260e, " tel "],
  [0x1f4de, " tel "],
  [0x1f4f1, " tel "],
  [0xa3, " gbp "],
  [0x20ac, " eur "],
  [0xa5, " jpy "],
  [0xffe5, " jpy "],
  [0x5186, " jpy "],
  [0x20b9, " inr "],
]);

/** Invisible code points that only decorate the one before them. */
function isInvisible(cp: number): boolean {
  return (
    cp === 0xfe0f ||
    cp === 0xfe0e ||
    cp === 0x200d ||
    cp === 0x200b ||
    cp === 0x200c ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    cp === 0x20e3 ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff)
  );
}

/** The ASCII digit(s) a non-ASCII code point stands for, or undefined. */
export function foldDigit(cp: number): string | undefined {
  if (cp < 0xb2) return undefined;
  for (const zero of DIGIT_ZEROS) if (cp >= zero && cp < zero + 10) return String(cp - zero);
  for (const one of ONE_TO_NINE) if (cp >= one && cp < one + 9) return String(cp - one + 1);
  if (cp >= 0x2074 && cp <= 0x2079) return String(cp - 0x2070);
  if (cp >= 0x2080 && cp <= 0x2089) return String(cp - 0x2080);
  return EXTRA_DIGITS.get(cp);
}

/** The folded text being built, with its offset maps in typed arrays that grow as needed. */
interface Sink {
  /** Pieces of the folded text, joined once at the end (a flat string; `+=` would leave a rope). */
  out: string[];
  length: number;
  start: Int32Array;
  end: Int32Array;
  mark: Uint8Array;
}

function grow(sink: Sink, needed: number): void {
  const size = Math.max(needed, sink.start.length * 2);
  const start = new Int32Array(size);
  const end = new Int32Array(size);
  const mark = new Uint8Array(size);
  start.set(sink.start);
  end.set(sink.end);
  mark.set(sink.mark);
  Object.assign(sink, { start, end, mark });
}

function emit(sink: Sink, piece: string, from: number, to: number, mark: number): void {
  const n = sink.length + piece.length;
  if (n > sink.start.length) grow(sink, n);
  sink.out.push(piece);
  if (piece.length === 1) {
    sink.start[sink.length] = from;
    sink.end[sink.length] = to;
    sink.mark[sink.length] = mark;
    sink.length = n;
    return;
  }
  sink.start.fill(from, sink.length, n);
  sink.end.fill(to, sink.length, n);
  if (mark !== 0) sink.mark.fill(mark, sink.length, n);
  sink.length = n;
}

/**
 * Emits the run of plain ASCII starting at `from` in one piece (most of an ad), up to the next
 * non-ASCII character or keycap digit; returns where it stopped.
 */
function emitAscii(sink: Sink, text: string, from: number): number {
  let to = from + 1;
  while (to < text.length) {
    const c = text.charCodeAt(to);
    if (c >= 0x80 || (((c >= 48 && c <= 57) || c === 35 || c === 42) && keycapLength(text, to) > 0)) break;
    to++;
  }
  const size = to - from;
  if (sink.length + size > sink.start.length) grow(sink, sink.length + size);
  const piece = text.slice(from, to).toLowerCase();
  sink.out.push(piece.includes("\t") || piece.includes("\r") ? piece.replace(/[\t\r]/g, " ") : piece);
  for (let k = 0; k < size; k++) {
    sink.start[sink.length + k] = from + k;
    sink.end[sink.length + k] = from + k + 1;
  }
  sink.length += size;
  return to;
}

/** Length of a keycap sequence starting at i ("3", optional FE0F, U+20E3), or 0. */
function keycapLength(text: string, i: number): number {
  let j = i + 1;
  if (text.charCodeAt(j) === 0xfe0f) j++;
  return text.charCodeAt(j) === 0x20e3 ? j + 1 - i : 0;
}

function foldNonAscii(cp: number): { piece: string; mark: number } {
  const digit = foldDigit(cp);
  if (digit !== undefined) return { piece: digit, mark: DigitMark.unicode };
  const accent = ACCENTS.get(cp);
  if (accent !== undefined) return { piece: accent, mark: 0 };
  const word = EMOJI_WORDS.get(cp);
  if (word !== undefined) return { piece: word, mark: 0 };
  if (cp === 0xa0 || cp === 0x2028 || cp === 0x2029 || (cp >= 0x2000 && cp <= 0x200a)) return { piece: " ", mark: 0 };
  if (cp === 0x2010 || cp === 0x2011 || cp === 0x2012 || cp === 0x2013 || cp === 0x2014) return { piece: "-", mark: 0 };
  const ch = String.fromCodePoint(cp);
  const lower = ch.toLowerCase();
  // Letters of other scripts stay letters (they end digit runs); everything else is decoration.
  if (lower !== ch.toUpperCase() && lower.length === 1) return { piece: lower, mark: 0 };
  return { piece: "~", mark: 0 };
}

/** Folds `text` in one pass; see the module comment. */
export function normalise(text: string): Normalised {
  const n = text.length;
  const capacity = n + 16;
  const sink: Sink = {
    out: [],
    length: 0,
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    mark: new Uint8Array(capacity),
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const keycap = (c >= 48 && c <= 57) || c === 35 || c === 42 ? keycapLength(text, i) : 0;
      if (keycap > 0) {
        emit(sink, c >= 48 ? String.fromCharCode(c) : "~", i, i + keycap, DigitMark.keycap);
        i += keycap;
        continue;
      }
      i = emitAscii(sink, text, i);
      continue;
    }
    const cp = text.codePointAt(i) ?? c;
    const size = cp > 0xffff ? 2 : 1;
    if (!isInvisible(cp)) {
      const { piece, mark } = foldNonAscii(cp);
      emit(sink, piece, i, i + size, mark);
    }
    i += size;
  }
  return {
    text: sink.out.join(""),
    start: sink.start.subarray(0, sink.length),
    end: sink.end.subarray(0, sink.length),
    mark: sink.mark.subarray(0, sink.length),
  };
}

/** Maps a half-open range of the folded text back to the input. */
export function toSpan(
  norm: Normalised,
  input: string,
  from: number,
  to: number,
): { raw: string; start: number; end: number } {
  const start = norm.start[from] ?? input.length;
  const end = to > from ? (norm.end[to - 1] ?? input.length) : start;
  return { raw: input.slice(start, end), start, end };
}
