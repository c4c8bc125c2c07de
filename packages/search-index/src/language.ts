/** The languages the analyser stems. */
export const LANGUAGES = ["es", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

// Short, hand-picked lists (folded: no accents). Both are removed from every text whatever its
// language so that a wrong language guess never changes which words are kept. Words that carry
// meaning in the other language ("son" in English, "come" in Spanish) are left out on purpose.
const ES_STOP = new Set(
  (
    "a al algo ante como con contigo cual cuando de del desde donde el ella ellas ellos en entre era es esa " +
    "ese eso esta estas este esto estos estoy fue ha hay la las le les lo los me mi mis mucho muy mas " +
    "nada ni no nos o para pero por que se si sin sobre su sus tambien te tengo ti tu tus un una uno unos " +
    "unas y ya yo soy estar"
  ).split(" "),
);
const EN_STOP = new Set(
  (
    "a about an and any are as at be been but by can do for from had has have her here his how i if in " +
    "into is it its just me my no not of on or our so than that the their them then there these they " +
    "this those to too was we were what when where which who will with you your am im"
  ).split(" "),
);

/** True for a folded word the index drops. */
export function isStopWord(word: string): boolean {
  return ES_STOP.has(word) || EN_STOP.has(word);
}

const EN_HINTS = /(?:ing|tion|ly|ed|th)$/;
const ES_HINTS = /(?:cion|mente|ito|ita|itas|ada|ado|ar|er|ir)$/;

/**
 * Guess the language of folded words: stop words decide; suffixes only break a tie. Ties and
 * texts with no signal are Spanish because most ads in scope are.
 */
export function guessLanguageOfWords(words: readonly string[]): Language {
  let es = 0;
  let en = 0;
  for (const w of words) {
    if (ES_STOP.has(w)) es++;
    if (EN_STOP.has(w)) en++;
  }
  if (es !== en) return en > es ? "en" : "es";
  for (const w of words) {
    if (w.length <= 4) continue;
    if (ES_HINTS.test(w)) es++;
    if (EN_HINTS.test(w)) en++;
  }
  return en > es ? "en" : "es";
}
