/** Social handles: platform keyword then a name, "@name on instagram", and profile URLs. */
import type { HandlePlatform } from "./types.js";

export interface FoldedHandle {
  from: number;
  to: number;
  platform: HandlePlatform;
  value: string;
}

// Short keys that are also ordinary words ("x", "of", "sc") count only with ':' or '@' after them.
const KEYS: ReadonlyArray<readonly [string, HandlePlatform, boolean]> = [
  ["instagram", "instagram", false],
  ["insta", "instagram", false],
  ["ig", "instagram", false],
  ["telegram", "telegram", false],
  ["telegrm", "telegram", false],
  ["tlgrm", "telegram", false],
  ["tg", "telegram", true],
  ["onlyfans", "onlyfans", false],
  ["of", "onlyfans", true],
  ["snapchat", "snapchat", false],
  ["snap", "snapchat", false],
  ["sc", "snapchat", true],
  ["twitter", "x", false],
  ["tw", "x", true],
  ["x", "x", true],
  ["tiktok", "tiktok", false],
  ["tt", "tiktok", true],
];
const PLATFORM_OF: ReadonlyMap<string, readonly [HandlePlatform, boolean]> = new Map(
  KEYS.map(([k, p, s]) => [k, [p, s]]),
);
// "only fans" and "tik tok" are matched with an optional space and looked up without it.
const KEY_ALT = KEYS.map(([k]) => k.replace(/^(only|tik)/, "$1 ?")).join("|");

const NAME = "[a-z0-9._]{2,30}";
const AFTER_KEY = new RegExp(
  `(?<![a-z0-9@./])(${KEY_ALT})(?![a-z0-9])( {0,2}[:=>~-]+ {0,2}| {1,3})((?:(?:es|is|como|as|me|en|on|at|y|and|mi|my|:|-) ){0,2})(@ ?)?(${NAME})`,
  "g",
);
// "@ana en instagram", "como ana_hot en twitter" (without '@' only after "como"/"as"/"usuario").
const BEFORE_KEY = new RegExp(
  `(?:(?<![a-z0-9.])@|(?<![a-z])(?:como|as|usuario|user|username):? @?)(${NAME}) ?(?:[([] ?|\\b(?:en|on|in|por|via|de) )(${KEY_ALT})(?![a-z0-9])`,
  "g",
);
const PROFILE_URLS: ReadonlyArray<readonly [RegExp, HandlePlatform]> = [
  [/(?:instagram\.com|instagr\.am)\/(?!p\/|reel\/|explore\/)([a-z0-9._]{2,30})/g, "instagram"],
  [/t\.me\/(?!\+|joinchat)([a-z0-9_]{4,32})/g, "telegram"],
  [/onlyfans\.com\/([a-z0-9._-]{2,30})/g, "onlyfans"],
  [/snapchat\.com\/add\/([a-z0-9._-]{2,30})/g, "snapchat"],
  [/(?<![a-z0-9])(?:twitter|x)\.com\/([a-z0-9_]{2,15})/g, "x"],
  [/tiktok\.com\/@([a-z0-9._]{2,24})/g, "tiktok"],
];

const STOP = new Set(
  "es is como as me en on at y and mi my el la de del para por the a an to and or o aqui here also tambien solo only link bio dm mas more com www http https".split(
    " ",
  ),
);

function cleanName(name: string): string | undefined {
  const value = name.replace(/[._]+$/, "");
  if (value.length < 2 || /^\d+$/.test(value) || STOP.has(value)) return undefined;
  return value;
}

function push(out: FoldedHandle[], hit: { from: number; to: number; platform: HandlePlatform; name: string }): void {
  const value = cleanName(hit.name);
  if (!value) return;
  if (out.some((h) => h.platform === hit.platform && h.value === value)) return;
  out.push({
    from: hit.from,
    to: hit.from + (hit.to - hit.from) - (hit.name.length - value.length),
    platform: hit.platform,
    value,
  });
}

function keyed(text: string, out: FoldedHandle[]): void {
  AFTER_KEY.lastIndex = 0;
  for (let m = AFTER_KEY.exec(text); m !== null; m = AFTER_KEY.exec(text)) {
    const [key, sep, filler, at, name] = [m[1] ?? "", m[2] ?? "", m[3] ?? "", m[4], m[5] ?? ""];
    // Keys may overlap what they introduce ("instagram y telegram: @ana"): resume right after the key.
    AFTER_KEY.lastIndex = m.index + key.length;
    const entry = PLATFORM_OF.get(key.replace(/ /g, ""));
    if (!entry) continue;
    const [platform, strict] = entry;
    if (strict && !sep.includes(":") && !at) continue;
    if (filler && !at) continue;
    // "telegram: t.me/ana" is a profile URL, found above.
    if (text[m.index + m[0].length] === "/" || /\.(?:com|me|net|org)$/.test(name)) continue;
    push(out, { from: m.index, to: m.index + m[0].length, platform, name });
  }
  BEFORE_KEY.lastIndex = 0;
  for (let m = BEFORE_KEY.exec(text); m !== null; m = BEFORE_KEY.exec(text)) {
    const entry = PLATFORM_OF.get((m[2] ?? "").replace(/ /g, ""));
    const name = m[1] ?? "";
    // The span is "@name" (or just "name"), not the introducing word.
    const at = m[0].indexOf(name);
    const from = m.index + (m[0][at - 1] === "@" ? at - 1 : at);
    if (entry) push(out, { from, to: m.index + at + name.length, platform: entry[0], name });
  }
}

/** Handles in the folded text; values are lower-case without '@'. */
export function findHandles(text: string): FoldedHandle[] {
  const out: FoldedHandle[] = [];
  for (const [re, platform] of PROFILE_URLS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      push(out, { from: m.index, to: m.index + m[0].length, platform, name: m[1] ?? "" });
    }
  }
  keyed(text, out);
  return out.sort((a, b) => a.from - b.from);
}
