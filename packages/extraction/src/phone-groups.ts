/**
 * Turns the folded text into runs of digit groups: digits, spelled numbers and letters standing
 * for digits, separated only by spaces, punctuation or emoji. Anything else (a word, a colon, a
 * masked distractor, a newline) ends the run. Groups are never split later, so a long id stays whole.
 */
import { DigitMark } from "./normalise.js";
import { mayBeNumberWords, type NumberWord, splitNumberWords } from "./number-words.js";

export const Obf = {
  spelledEs: 1,
  spelledEn: 2,
  twoDigitEs: 4,
  twoDigitEn: 8,
  letterDigits: 16,
  keycap: 32,
  unicode: 64,
  emojiSeparated: 128,
} as const;

export interface Group {
  digits: string;
  from: number;
  to: number;
  /** Bit set of `Obf`. */
  obf: number;
  /** Written right after a '+'. */
  plus: boolean;
  /** Where that '+' (or an opening parenthesis before the calling code) is, to include it in the span. */
  plusAt?: number;
  /** A lone tens word ("treinta") that a following unit word may complete. */
  openTens: boolean;
  /** A lone hundreds word ("ciento") that a following tens or unit word may complete. */
  openHundreds?: boolean;
  /** The separators written before this group. */
  gap: string;
}

const LETTER_DIGITS: Readonly<Record<string, string>> = { o: "0", l: "1", i: "1", "|": "1" };
// Rarer substitutions, trusted only next to at least two real digits.
const LEET_DIGITS: Readonly<Record<string, string>> = { s: "5", b: "8", z: "2" };
const SEPARATORS = new Set([
  " ",
  "-",
  ".",
  "/",
  "(",
  ")",
  "~",
  ",",
  "_",
  "*",
  "[",
  "]",
  '"',
  "'",
  "+",
  "=",
  ">",
  "<",
  ";",
]);
const MAX_GAP = 8;

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 124 || (code >= 0x80 && code !== 0x7e);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function hasDigit(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isDigit(text.charCodeAt(k))) return true;
  return false;
}

interface Piece {
  digits: string;
  obf: number;
  openTens: boolean;
  openHundreds?: boolean;
}

/** A piece of a word and where it is; `piece` is null for letters that are not a number. */
interface Located {
  piece: Piece | null;
  from: number;
  to: number;
}

function wordObf(w: NumberWord): number {
  if (w.lang === "es") return w.tens ? Obf.spelledEs | Obf.twoDigitEs : Obf.spelledEs;
  return w.tens ? Obf.spelledEn | Obf.twoDigitEn : Obf.spelledEn;
}

/** Reads letters [from,to) as number words, or as letters-for-digits when the word has enough real digits. */
function letterPiece(letters: string, realDigits: number, wordLength: number): Piece | undefined {
  const words = splitNumberWords(letters, realDigits > 0);
  if (words) {
    const last = words[words.length - 1];
    const alone = words.length === 1 && last !== undefined;
    return {
      digits: words.map((w) => w.digits).join(""),
      obf: words.reduce((acc, w) => acc | wordObf(w), 0),
      openTens: alone && last.tens && !last.hundreds && last.digits.endsWith("0"),
      openHundreds: alone && last.hundreds === true,
    };
  }
  // Letters stand for digits only inside a word that has real digits ("4O8", "l23"), never alone.
  if (realDigits === 0 || letters.length > 3 || letters.length >= wordLength) return undefined;
  let digits = "";
  for (const ch of letters) {
    const d = LETTER_DIGITS[ch] ?? (realDigits >= 2 ? LEET_DIGITS[ch] : undefined);
    if (d === undefined) return undefined;
    digits += d;
  }
  return { digits, obf: Obf.letterDigits, openTens: false };
}

function digitMarks(mark: Uint8Array, from: number, to: number): number {
  let obf = 0;
  for (let k = from; k < to; k++) {
    if (mark[k] === DigitMark.keycap) obf |= Obf.keycap;
    else if (mark[k] === DigitMark.unicode) obf |= Obf.unicode;
  }
  return obf;
}

/** Splits one word into pieces; a null piece stands for letters that are not a number (a breaker). */
function wordPieces(text: string, mark: Uint8Array, from: number, to: number): Located[] {
  let realDigits = 0;
  for (let k = from; k < to; k++) if (isDigit(text.charCodeAt(k))) realDigits++;
  const pieces: Located[] = [];
  let k = from;
  while (k < to) {
    const digit = isDigit(text.charCodeAt(k));
    let e = k + 1;
    while (e < to && isDigit(text.charCodeAt(e)) === digit) e++;
    const piece = digit
      ? { digits: text.slice(k, e), obf: digitMarks(mark, k, e), openTens: false }
      : (letterPiece(text.slice(k, e), realDigits, to - from) ?? null);
    pieces.push({ piece, from: k, to: e });
    k = e;
  }
  return pieces;
}

// Digits glued to a word ("call7732904418", "7865550144tengo", "0123pls") are read when the word
// sits only before or after them and they are enough for a number's start or its last block.
const MIN_GLUED_LEADING = 3;
const MIN_GLUED_TRAILING = 4;

interface Glued {
  pieces: Piece[];
  from: number;
  to: number;
  /** A word before the digits: they start a new run. */
  lead: boolean;
  /** A word after the digits: the run ends with them. */
  trail: boolean;
}

function gluedDigits(located: readonly Located[]): Glued | undefined {
  const lead = located[0]?.piece === null;
  const trail = located[located.length - 1]?.piece === null;
  const middle = located.slice(lead ? 1 : 0, trail ? -1 : undefined);
  if (middle.length === 0 || middle.some((l) => l.piece === null)) return undefined;
  const pieces = middle.map((l) => l.piece as Piece);
  const digits = pieces.reduce((acc, p) => acc + p.digits.length, 0);
  if ((lead && digits < MIN_GLUED_LEADING) || (trail && digits < MIN_GLUED_TRAILING)) return undefined;
  return { pieces, from: (middle[0] as Located).from, to: (middle[middle.length - 1] as Located).to, lead, trail };
}

interface RunState {
  runs: Group[][];
  run: Group[];
  gap: number;
  gapText: string;
  plus: boolean;
  openAt: number | undefined;
}

function close(state: RunState): void {
  if (state.run.length > 0) state.runs.push(state.run);
  state.run = [];
  state.plus = false;
}

function resetGap(state: RunState): void {
  state.gap = 0;
  state.gapText = "";
  state.plus = false;
  state.openAt = undefined;
}

const CONNECTORS = new Set(["y", "and", "e"]);

/** Scans the folded text (skipping masked characters) into runs of digit groups. */
export function scanGroups(text: string, mark: Uint8Array, mask: Uint8Array): Group[][] {
  const state: RunState = { runs: [], run: [], gap: 0, gapText: "", plus: false, openAt: undefined };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (mask[i] === 1) {
      close(state);
      resetGap(state);
      i++;
      continue;
    }
    if (!isWordChar(code)) {
      const ch = text[i] ?? "";
      if (!SEPARATORS.has(ch) || ++state.gap > MAX_GAP) {
        close(state);
        resetGap(state);
      } else {
        state.gapText += ch;
        if (ch === "+") state.plus = true;
        if ((ch === "+" || ch === "(") && state.openAt === undefined) state.openAt = i;
      }
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordChar(text.charCodeAt(j)) && mask[j] !== 1) j++;
    const prev = state.run[state.run.length - 1];
    if (prev?.openTens && CONNECTORS.has(text.slice(i, j))) {
      state.gapText += " ";
      i = j;
      continue;
    }
    if (!hasDigit(text, i, j) && (!mayBeNumberWords(text, i, j) || splitNumberWords(text.slice(i, j)) === undefined)) {
      // Most words are just words: they end the run.
      close(state);
      resetGap(state);
      i = j;
      continue;
    }
    const located = wordPieces(text, mark, i, j);
    if (located.every((l) => l.piece !== null))
      addGroup(
        state,
        located.map((l) => l.piece as Piece),
        i,
        j,
      );
    else addGlued(state, gluedDigits(located));
    resetGap(state);
    i = j;
  }
  close(state);
  return state.runs;
}

function addGlued(state: RunState, glued: Glued | undefined): void {
  if (!glued) {
    close(state);
    return;
  }
  if (glued.lead) {
    close(state);
    resetGap(state);
  }
  addGroup(state, glued.pieces, glued.from, glued.to);
  if (glued.trail) close(state);
}

/** Adds a word's pieces to the run as one group, or completes an open tens word with it. */
function addGroup(state: RunState, pieces: Piece[], from: number, to: number): void {
  const digits = pieces.map((p) => p.digits).join("");
  let obf = pieces.reduce((acc, p) => acc | p.obf, 0);
  if (state.run.length > 0 && state.gapText.includes("~")) obf |= Obf.emojiSeparated;
  const prev = state.run[state.run.length - 1];
  const only = pieces.length === 1 ? pieces[0] : undefined;
  const spelledUnit = only !== undefined && (only.obf & (Obf.spelledEs | Obf.spelledEn)) !== 0 && digits.length === 1;
  const spelled = only !== undefined && (only.obf & (Obf.spelledEs | Obf.spelledEn)) !== 0 && !only.openHundreds;
  // "ciento veintitrés", "ciento cinco": a tens or unit word completes an open hundreds word.
  if (prev?.openHundreds && spelled && digits !== "0" && !state.gapText.includes(",")) {
    prev.digits = (prev.digits[0] ?? "") + digits.padStart(2, "0");
    prev.to = to;
    prev.obf |= obf;
    prev.openHundreds = false;
    prev.openTens = only.openTens;
    return;
  }
  // "treinta y dos", "thirty-two": a unit word completes an open tens word.
  if (prev?.openTens && spelledUnit && digits !== "0" && !state.gapText.includes(",")) {
    prev.digits = prev.digits.slice(0, -1) + digits;
    prev.to = to;
    prev.obf |= obf;
    prev.openTens = false;
    return;
  }
  const group: Group = {
    digits,
    from,
    to,
    obf,
    plus: state.plus,
    openTens: only?.openTens ?? false,
    gap: state.gapText,
  };
  if (only?.openHundreds) group.openHundreds = true;
  if (state.openAt !== undefined) group.plusAt = state.openAt;
  state.run.push(group);
}
