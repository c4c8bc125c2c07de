/**
 * A filter on the first three letters of words: most words of an ad are in no word list, and
 * telling so from three character codes is much cheaper than cutting the word out and hashing it.
 */

const NONE = 26;
const SIZE = 27 * 27 * 27;

function letter(code: number): number {
  return code >= 97 && code <= 122 ? code - 97 : NONE;
}

/** The code of the first (up to) three letters of text[from, to). */
function prefixCode(text: string, from: number, to: number): number {
  const a = letter(text.charCodeAt(from));
  const b = to - from > 1 ? letter(text.charCodeAt(from + 1)) : NONE;
  const c = to - from > 2 ? letter(text.charCodeAt(from + 2)) : NONE;
  return (a * 27 + b) * 27 + c;
}

export interface PrefixFilter {
  /** False when no word of the list starts like text[from, to); true means "look it up". */
  mayHave(text: string, from: number, to: number): boolean;
}

/** A filter of the (lower-case a-z) words' first three letters. */
export function prefixFilter(words: Iterable<string>): PrefixFilter {
  const bits = new Uint8Array(SIZE);
  for (const word of words) if (word.length > 0) bits[prefixCode(word, 0, word.length)] = 1;
  return { mayHave: (text, from, to) => bits[prefixCode(text, from, to)] === 1 };
}
