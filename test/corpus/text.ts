/**
 * Ad text from per-persona "voices": the same persona reuses its wording with variation (synonyms,
 * reordering, dropped sentences, typos, emoji) and a network's personas often share their
 * controller's voice, so text similarity is real evidence but never proof.
 */
import { DETAILS, EMOJI, PHRASES, SECTIONS, type Section, SYNONYMS, TITLES } from "./phrases.js";
import type { Rng } from "./rng.js";

export type Language = "es" | "en";

export interface Voice {
  language: Language;
  choices: Readonly<Record<Section, number>>;
  title: number;
  emojiRate: number;
  typoRate: number;
  /** Whether the contact line leads the ad instead of following the description. */
  contactFirst: boolean;
  /** Indexes into DETAILS: the personal details this writer keeps mentioning. */
  details: readonly number[];
}

export function createVoice(rng: Rng, language: Language, base?: Voice): Voice {
  const bank = PHRASES[language];
  const inherit = base !== undefined && base.language === language;
  const choose = (section: Section): number =>
    inherit && rng.chance(0.6) ? base.choices[section] : rng.int(0, bank[section].length - 1);
  const choices = Object.fromEntries(SECTIONS.map((section) => [section, choose(section)])) as Record<Section, number>;
  return {
    language,
    choices,
    title: inherit && rng.chance(0.5) ? base.title : rng.int(0, TITLES[language].length - 1),
    emojiRate: rng.pick([0, 0.1, 0.3, 0.6]),
    typoRate: rng.pick([0, 0.01, 0.03, 0.06]),
    contactFirst: inherit && rng.chance(0.6) ? base.contactFirst : rng.chance(0.25),
    details: rng.shuffle(DETAILS[language].map((_, index) => index)).slice(0, rng.int(1, 4)),
  };
}

export interface Slots {
  name: string;
  age: number;
  city: string;
  demonym: string;
  area: string;
}

export function fill(template: string, slots: Slots): string {
  return template
    .replaceAll("{name}", slots.name)
    .replaceAll("{age}", String(slots.age))
    .replaceAll("{city}", slots.city)
    .replaceAll("{demonym}", slots.demonym)
    .replaceAll("{area}", slots.area);
}

function typo(rng: Rng, word: string): string {
  if (word.length < 4 || /\d|\{/.test(word)) return word;
  const at = rng.int(1, word.length - 2);
  switch (rng.int(0, 3)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 2:
      return word.slice(0, at) + word[at] + word.slice(at);
    default:
      return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
}

/** Typos, synonyms and emoji over narrative text (never over contact lines). */
export function vary(rng: Rng, text: string, voice: Voice): string {
  let result = text;
  for (const [word, synonym] of SYNONYMS) {
    if (result.includes(word) && rng.chance(0.3)) result = result.replace(word, synonym);
  }
  const words = result.split(" ").map((word) => (rng.chance(voice.typoRate) ? typo(rng, word) : word));
  return words
    .map((word) =>
      (word.endsWith(".") || word.endsWith(",")) && rng.chance(voice.emojiRate) ? `${word} ${rng.pick(EMOJI)}` : word,
    )
    .join(" ");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The descriptive paragraph: the persona's usual sentences, sometimes reworded, dropped or swapped. */
export function writeNarrative(rng: Rng, voice: Voice, slots: Slots): string {
  const bank = PHRASES[voice.language];
  const phrase = (section: Section): string | undefined => {
    if (section !== "intro" && rng.chance(0.12)) return undefined;
    const options = bank[section];
    const index = rng.chance(0.8) ? voice.choices[section] : rng.int(0, options.length - 1);
    return fill(options[index] as string, slots);
  };
  const [greeting, intro, looks, services, availability] = [
    phrase("greeting"),
    phrase("intro"),
    phrase("looks"),
    phrase("services"),
    phrase("availability"),
  ];
  const opening = [greeting, intro].filter(Boolean).join(", ");
  const details = voice.details.filter(() => rng.chance(0.75)).map((index) => DETAILS[voice.language][index] as string);
  const personal = details.length > 0 ? details.join(", ") : undefined;
  const middle = rng.chance(0.2)
    ? [availability, looks, personal, services]
    : [looks, services, personal, availability];
  const sentences = [opening, ...middle].filter((part): part is string => Boolean(part)).map(capitalise);
  return vary(rng, `${sentences.join(". ")}.`, voice);
}

export function writeClosing(rng: Rng, voice: Voice): string | undefined {
  const options = PHRASES[voice.language].closing;
  if (rng.chance(0.2)) return undefined;
  return rng.chance(0.75) ? options[voice.choices.closing] : rng.pick(options);
}

export function writeTitle(rng: Rng, voice: Voice, slots: Slots): string {
  const options = TITLES[voice.language];
  const template = rng.chance(0.7) ? (options[voice.title] as string) : rng.pick(options);
  const title = fill(template, slots);
  return rng.chance(0.1) ? title.toUpperCase() : title;
}
