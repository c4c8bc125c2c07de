/** URLs, with or without a scheme; the value keeps the input's own spelling. */

export interface FoldedUrl {
  from: number;
  to: number;
}

// Generic TLDs, the region's, and the country TLDs of the bigger ad markets elsewhere (their TLD is
// evidence of the ad's country).
const URL_TLDS =
  "(?:com|net|org|co|me|io|gt|pa|ve|ec|mx|us|xyz|site|link|ly|app|page|to|info|biz|live|online|club|vip|fans|uk|ca|au|in|jp|es|de|fr|it|nl|ie|nz|br|ar|cl|pe|ph|sg|za|ae|th)";
const URL = new RegExp(
  `(?:https?:\\/\\/|www\\.)[^\\s<>"'~]+|(?<![a-z0-9@.\\-_])[a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){0,3}\\.${URL_TLDS}(?:\\.[a-z]{2})?(?![a-z0-9@-])(?:\\/[^\\s<>"'~]*)?`,
  "g",
);
const TRAILING = /[.,;:!?)\]]+$/;

// Every URL has a scheme, "www." or a known TLD after a dot: most ads have none of them, and this
// literal-led test is far cheaper than trying the domain pattern at every word.
const HINT = new RegExp(`https?:\\/\\/|www\\.|\\.${URL_TLDS}(?![a-z0-9@-])`);

/** URL ranges in the folded text. */
export function findUrls(text: string): FoldedUrl[] {
  if (!HINT.test(text)) return [];
  const found: FoldedUrl[] = [];
  URL.lastIndex = 0;
  for (let m = URL.exec(text); m !== null; m = URL.exec(text)) {
    const trimmed = m[0].replace(TRAILING, "");
    if (trimmed.length < 4 || !trimmed.includes(".")) continue;
    found.push({ from: m.index, to: m.index + trimmed.length });
  }
  return found;
}
