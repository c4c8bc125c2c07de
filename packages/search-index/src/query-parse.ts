/** A query's text split into free words and quoted phrases (still raw, not analysed). */
export interface ParsedQueryText {
  readonly words: string;
  readonly phrases: readonly string[];
}

/** Split `"quoted phrases"` from the rest; an unclosed quote is treated as plain words. */
export function parseQueryText(text: string): ParsedQueryText {
  const phrases: string[] = [];
  const words = text.replace(/["“”«»]([^"“”«»]*)["“”«»]/g, (_match, phrase: string) => {
    phrases.push(phrase);
    return " ";
  });
  return { words: words.replace(/["“”«»]/g, " "), phrases };
}
