/** Email addresses, including "arroba"/"(at)" and "punto"/"dot" spellings and spaces around them. */

export interface FoldedEmail {
  from: number;
  to: number;
  value: string;
  obfuscations: string[];
}

const AT = "(?: ?@ ?| ?[([{] ?(?:@|at|arroba) ?[)\\]}] ?| (?:arroba|at) )";
const DOT = "(?: ?\\. ?| ?[([{] ?(?:\\.|dot|punto) ?[)\\]}] ?| (?:dot|punto) )";
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,40}[a-z0-9])?";
const TLD =
  "(?:com|net|org|edu|gov|info|biz|io|me|co|es|gt|pa|ve|ec|mx|us|ar|cl|pe|sv|hn|ni|cr|do|xyz|live|online|site|app|email|mail|uk|de|fr|it|br)";
const EMAIL = new RegExp(
  `(^|[^a-z0-9._%+-])[a-z0-9](?:[a-z0-9._%+-]{0,62}[a-z0-9_])?${AT}${LABEL}(?:${DOT}${LABEL}){0,3}?${DOT}${TLD}(?![a-z0-9/])`,
  "g",
);
const HINT = /@|arroba|\bat\b/;

const AT_REPLACE = new RegExp(AT);
const DOT_REPLACE = new RegExp(DOT, "g");

function obfuscationsOf(raw: string): string[] {
  const tags: string[] = [];
  if (/arroba|\bat\b/.test(raw)) tags.push("at-word");
  if (/punto|\bdot\b/.test(raw)) tags.push("dot-word");
  if (/[([{]/.test(raw)) tags.push("bracketed");
  if (/ /.test(raw.replace(/ (?:arroba|at|punto|dot) /g, "_"))) tags.push("spaced");
  return tags;
}

export function undo(raw: string): string {
  return raw.replace(AT_REPLACE, "@").replace(DOT_REPLACE, ".").replace(/ /g, "");
}

// Written with spaces ("ana @ gmail . com"), these "TLDs" are usually the next word of a sentence.
const WORD_TLDS = new Set(["de", "es", "me", "it", "us", "do", "to", "co"]);
const NOT_LOCAL = /^(?:ig|insta|instagram|telegram|tg|snap|snapchat|onlyfans|of|twitter|tiktok|tt|x|me)$/;

function plausible(raw: string, value: string): boolean {
  const at = value.indexOf("@");
  if (NOT_LOCAL.test(value.slice(0, at))) return false;
  const tld = value.slice(value.lastIndexOf(".") + 1);
  return !(/\s/.test(raw) && WORD_TLDS.has(tld) && !/punto|dot/.test(raw));
}

/** Emails in the folded text; `value` is lower-case with the obfuscations undone. */
export function findEmails(text: string): FoldedEmail[] {
  if (!HINT.test(text)) return [];
  const found: FoldedEmail[] = [];
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(text); m !== null; m = EMAIL.exec(text)) {
    // m[1] is the boundary character before the address, consumed (faster than a lookbehind).
    const from = m.index + (m[1]?.length ?? 0);
    const raw = m[0].slice(from - m.index);
    const value = undo(raw);
    if (plausible(raw, value)) found.push({ from, to: from + raw.length, value, obfuscations: obfuscationsOf(raw) });
  }
  return found;
}
