/** Renderers for the obfuscated phone forms of the issue, and a small seeded PRNG (mulberry32). */

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    chance: (p: number) => next() < p,
  };
}

export interface PhoneInput {
  national: string;
  cc: string;
  country: string;
  sameCountry: boolean;
}

export interface PhoneForm {
  name: string;
  render(rng: Rng, p: PhoneInput): string;
}

const TRUNK = new Set(["VE", "EC"]);
const GROUPING: Readonly<Record<string, readonly number[]>> = {
  GT: [4, 4],
  PA: [4, 4],
  CO: [3, 3, 4],
  VE: [4, 3, 4],
  EC: [3, 3, 4],
  MX: [2, 4, 4],
  US: [3, 3, 4],
};

/** The number as written nationally (with trunk 0 where the country uses one), cut into groups. */
function nationalGroups(p: PhoneInput): string[] {
  const written = TRUNK.has(p.country) ? `0${p.national}` : p.national;
  const sizes = GROUPING[p.country] ?? [written.length];
  const groups: string[] = [];
  let at = 0;
  for (const size of sizes) {
    groups.push(written.slice(at, at + size));
    at += size;
  }
  if (at < written.length) groups[groups.length - 1] += written.slice(at);
  return groups;
}

function intlGroups(p: PhoneInput): string[] {
  const groups = nationalGroups(p);
  if (TRUNK.has(p.country)) groups[0] = (groups[0] ?? "").slice(1);
  return groups;
}

const ES = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"];
const ES_TYPOS: Readonly<Record<string, readonly string[]>> = {
  cero: ["sero"],
  cinco: ["sinco", "zinco"],
  nueve: ["nuebe"],
  siete: ["ciete"],
  seis: ["seiz"],
  cuatro: ["quatro"],
};
const EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const TEENS = [
  "diez",
  "once",
  "doce",
  "trece",
  "catorce",
  "quince",
  "dieciséis",
  "diecisiete",
  "dieciocho",
  "diecinueve",
];
const VEINTI = [
  "veinte",
  "veintiuno",
  "veintidós",
  "veintitrés",
  "veinticuatro",
  "veinticinco",
  "veintiséis",
  "veintisiete",
  "veintiocho",
  "veintinueve",
];
const TENS = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"];

function esWord(rng: Rng, d: number, typos: boolean): string {
  const word = ES[d] ?? "";
  const typo = ES_TYPOS[word];
  return typos && typo && rng.chance(0.4) ? rng.pick(typo) : word;
}

function pairEs(rng: Rng, pair: string): string {
  const a = Number(pair[0]);
  const b = Number(pair[1]);
  if (a === 0) return `cero ${esWord(rng, b, true)}`;
  if (a === 1) return TEENS[b] ?? "";
  if (a === 2) return VEINTI[b] ?? "";
  return b === 0 ? (TENS[a] ?? "") : `${TENS[a]} y ${esWord(rng, b, true)}`;
}

const EMOJI = ["💋", "❤️", "🔥", "🌹", "⭐", "💕", "😘"];
const MATH_ZERO = [0x1d7ce, 0x1d7d8, 0x1d7f6, 0x1d7ec];
const CIRCLED = ["⓪", "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"];

function mapDigits(groups: string[], f: (d: number) => string, sep: string): string {
  return groups.map((g) => [...g].map((c) => f(Number(c))).join("")).join(sep);
}

const digitsOf = (p: PhoneInput): string => nationalGroups(p).join("");

export const PHONE_FORMS: readonly PhoneForm[] = [
  { name: "plain", render: (rng, p) => nationalGroups(p).join(rng.pick(["-", " ", ""])) },
  { name: "dotted", render: (_, p) => nationalGroups(p).join(".") },
  { name: "slashed", render: (rng, p) => nationalGroups(p).join(rng.pick(["/", " / "])) },
  { name: "spaced-digits", render: (_, p) => [...digitsOf(p)].join(" ") },
  { name: "emoji-split", render: (rng, p) => nationalGroups(p).join(rng.pick(EMOJI)) },
  { name: "emoji-split-digits", render: (rng, p) => [...digitsOf(p)].join(rng.pick(EMOJI)) },
  {
    name: "spelled-es",
    render: (rng, p) => [...digitsOf(p)].map((c) => esWord(rng, Number(c), true)).join(rng.pick([" ", ", ", "-"])),
  },
  {
    name: "spelled-en",
    render: (rng, p) => [...digitsOf(p)].map((c) => EN[Number(c)]).join(rng.pick([" ", "-", ", "])),
  },
  {
    name: "mixed-spelled",
    render: (rng, p) => [...digitsOf(p)].map((c) => (rng.chance(0.5) ? esWord(rng, Number(c), false) : c)).join(""),
  },
  {
    name: "two-digit-groups-es",
    render: (rng, p) => {
      const d = digitsOf(p);
      const pairs: string[] = d.length % 2 === 1 ? [esWord(rng, Number(d[0]), false)] : [];
      for (let i = d.length % 2; i < d.length; i += 2) pairs.push(pairEs(rng, d.slice(i, i + 2)));
      return pairs.join(rng.pick([", ", " ", " - "]));
    },
  },
  {
    name: "letter-digits",
    render: (rng, p) =>
      nationalGroups(p)
        .map((g) => g.replace(/[01]/g, (c) => (c === "0" ? rng.pick(["O", "o", "0"]) : rng.pick(["l", "I", "|", "1"]))))
        .join("-"),
  },
  { name: "keycap", render: (rng, p) => mapDigits(nationalGroups(p), (d) => `${d}\uFE0F\u20E3`, rng.pick([" ", ""])) },
  {
    name: "fullwidth",
    render: (rng, p) =>
      mapDigits(nationalGroups(p), (d) => String.fromCodePoint(0xff10 + d), rng.pick([" ", "－", ""])),
  },
  {
    name: "math-digits",
    render: (rng, p) => {
      const zero = rng.pick(MATH_ZERO);
      return mapDigits(nationalGroups(p), (d) => String.fromCodePoint(zero + d), " ");
    },
  },
  { name: "circled", render: (_, p) => mapDigits(nationalGroups(p), (d) => CIRCLED[d] ?? "", " ") },
  { name: "intl-plus", render: (rng, p) => `+${p.cc}${rng.pick([" ", "-", ""])}${intlGroups(p).join(" ")}` },
  { name: "intl-00", render: (_, p) => `00${p.cc} ${intlGroups(p).join(" ")}` },
  { name: "intl-paren", render: (_, p) => `(${p.cc}) ${intlGroups(p).join("-")}` },
  { name: "intl-dash", render: (_, p) => `${p.cc}-${intlGroups(p).join("")}` },
  {
    name: "stray-trunk",
    render: (_, p) => (p.country === "GT" || p.country === "US" ? `+${p.cc} ${p.national}` : `+${p.cc} 0${p.national}`),
  },
  { name: "wa-link", render: (rng, p) => `${rng.pick(["https://wa.me/", "wa.me/"])}${p.cc}${p.national}` },
  { name: "whatsapp-api-link", render: (_, p) => `https://api.whatsapp.com/send?phone=${p.cc}${p.national}&text=hola` },
  { name: "telegram-link", render: (_, p) => `t.me/+${p.cc}${p.national}` },
];
