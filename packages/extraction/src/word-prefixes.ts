/**
 * Filters that tell, from character codes alone, that a word of the text is in no word list: most
 * words of an ad are not, and this is much cheaper than cutting each word out and looking it up.
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

const HASH_BITS = 17;
const HASH_MASK = (1 << HASH_BITS) - 1;

/** FNV-1a over the character codes of text[from, to), folded to HASH_BITS bits. */
function wordHash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return (h ^ (h >>> HASH_BITS)) & HASH_MASK;
}

/** A filter of whole words by a hash of all their letters: a word of the list always passes. */
export function wordFilter(words: Iterable<string>): PrefixFilter {
  const bits = new Uint8Array(HASH_MASK + 1);
  for (const word of words) bits[wordHash(word, 0, word.length)] = 1;
  return { mayHave: (text, from, to) => bits[wordHash(text, from, to)] === 1 };
}
