/** Text pieces for the generated evaluation ads: templates, distractors, email and handle forms. */
import type { Rng } from "./phone-forms.js";

type Distractor = (rng: Rng, country: string) => string;

const CURRENCY: Readonly<Record<string, string>> = { GT: "Q", PA: "$", CO: "$", VE: "$", EC: "$", MX: "$", US: "$" };

export const DISTRACTORS: readonly Distractor[] = [
  (rng, c) => `${CURRENCY[c]}${rng.pick([300, 400, 500, 600, 800, 1000, 1500])} la hora`,
  (rng) => `$${rng.pick([50, 80, 100, 150, 200])}`,
  (rng) => `${rng.pick([100, 150, 200, 250])} USD`,
  (rng) => `tarifa ${rng.pick(["Q", "$", "B/. "])}${rng.int(900) + 100} media hora`,
  (rng) => `${rng.pick([80, 100, 150])}.000 pesos`,
  (rng) => `${18 + rng.int(20)} años`,
  (rng) => `edad: ${18 + rng.int(20)}`,
  (rng) => `${rng.pick([88, 90, 92, 95])}-${rng.pick([58, 60, 62])}-${rng.pick([90, 95, 100])}`,
  (rng) => `medidas ${rng.pick([90, 95])} ${rng.pick([60, 62])} ${rng.pick([90, 98])}`,
  (rng) => `mido ${rng.pick(["1.55", "1.62", "1,65", "1.70"])} m`,
  (rng) => `${rng.pick([50, 55, 58, 60])} kg`,
  (rng) => `disponible desde el ${1 + rng.int(28)}/${1 + rng.int(12)}/2026`,
  (rng) => `${rng.pick(["10:30", "9:00", "22:00", "11:45"])} ${rng.pick(["am", "pm", ""])}`.trim(),
  (rng) => `de ${rng.pick([8, 9, 10])}am a ${rng.pick([6, 10, 11])}pm`,
  () => "24/7",
  (rng) => `zona ${rng.pick([1, 4, 9, 10, 11, 15])}`,
  (rng) => `${rng.int(12) + 1}a avenida ${rng.int(20) + 1}-${rng.int(80) + 10} zona ${rng.pick([9, 10, 14])}`,
  (rng) => `calle ${rng.int(100) + 1} # ${rng.int(90) + 10}-${rng.int(90) + 10}`,
  (rng) => `Ref: ${2024000000 + rng.int(999999)}`,
  (rng) => `ID anuncio ${rng.int(9e8) + 1e8}${rng.int(900) + 100}`,
  (rng) => `#${rng.int(9e6) + 1e6}`,
  (rng) => `código ${rng.int(9e5) + 1e5}`,
  (rng) => `${rng.int(9e11) + 1e11}`,
  (rng) => `${rng.pick(["2x1", "x2", "3 horas"])} promo`,
  (rng) => `${rng.pick(["5'6", "5 ft 4"])}`,
  (rng) => `${rng.int(30) + 70}% real`,
  (rng) => `${rng.pick(["15 de marzo", "3 de enero de 2026", "March 12"])}`,
  (rng) => `cp ${rng.int(90000) + 10000}`,
];

export const EMAIL_FORMS: ReadonlyArray<(user: string, provider: string) => string> = [
  (u, p) => `${u}@${p}.com`,
  (u, p) => `${u} arroba ${p} punto com`,
  (u, p) => `${u} @ ${p} . com`,
  (u, p) => `${u}(at)${p}(dot)com`,
  (u, p) => `${u} [at] ${p} [dot] com`,
  (u, p) => `${u.toUpperCase()}@${p.toUpperCase()}.COM`,
  (u, p) => `correo: ${u}@${p}.com`,
  (u, p) => `${u} at ${p} dot com`,
];

const same =
  (f: (u: string) => string) =>
  (u: string): readonly [string, string] => [f(u), u];
const tg = (u: string): string => `${u.replace(".", "_")}0`;
const noDot = (u: string): string => u.replace(".", "");
const underscore = (u: string): string => u.replace(".", "_");

/** [platform, user → [text, expected lower-case value]] */
export const HANDLE_FORMS: ReadonlyArray<readonly [string, (user: string) => readonly [string, string]]> = [
  ["instagram", same((u) => `IG: @${u}`)],
  ["instagram", same((u) => `instagram ${u}`)],
  ["instagram", same((u) => `https://instagram.com/${u}`)],
  ["instagram", same((u) => `sígueme en insta @${u}`)],
  ["telegram", (u) => [`Telegram: @${tg(u)}`, tg(u)]],
  ["telegram", (u) => [`t.me/${tg(u)}`, tg(u)]],
  ["onlyfans", (u) => [`OnlyFans: ${noDot(u)}`, noDot(u)]],
  ["onlyfans", same((u) => `onlyfans.com/${u}`)],
  ["snapchat", same((u) => `👻 ${u}`)],
  ["snapchat", same((u) => `snap: ${u}`)],
  ["x", (u) => [`Twitter @${underscore(u)}`, underscore(u)]],
  ["x", (u) => [`x.com/${underscore(u)}`, underscore(u)]],
  ["tiktok", same((u) => `TikTok: @${u}`)],
  ["tiktok", same((u) => `tiktok.com/@${u}`)],
];

export interface TemplateInput {
  name: string;
  contact: string;
  distractors: string[];
  rng: Rng;
}

type Template = (t: TemplateInput) => string;
const d = (t: TemplateInput, i: number): string => t.distractors[i % t.distractors.length] ?? "";

export const TEMPLATES_ES: readonly Template[] = [
  (t) => `Hola amores soy ${t.name}, ${d(t, 0)}. Escríbeme ${t.contact} 😘 ${d(t, 1)}`,
  (t) => `🔥 NUEVA EN LA CIUDAD 🔥 ${t.name} ${d(t, 0)}, ${d(t, 1)}. WhatsApp ${t.contact}`,
  (t) => `${t.name} | ${d(t, 0)} | ${d(t, 1)} | info: ${t.contact} | ${d(t, 2)}`,
  (t) => `Chica linda y discreta, ${d(t, 0)}. Atiendo en hotel o apartamento, ${d(t, 1)}.\nContacto: ${t.contact}`,
  (t) => `llamame o escribeme ${t.contact} soy ${t.name} ${d(t, 0)} trato de novios ${d(t, 2)}`,
  (t) => `Masajes relajantes ${d(t, 0)}. Cel ${t.contact}. Pregunta por ${t.name}. ${d(t, 1)}`,
  (t) => `${d(t, 0)} - ${t.name} - sin prisas - ${t.contact} - ${d(t, 1)}`,
];

export const TEMPLATES_EN: readonly Template[] = [
  (t) => `Hi guys I'm ${t.name}, ${d(t, 0)}. Text me ${t.contact} ${d(t, 1)}`,
  (t) => `NEW IN TOWN 💋 ${t.name} ${d(t, 0)} ${d(t, 1)} call/text ${t.contact}`,
  (t) => `Sweet latina ${t.name}. ${d(t, 0)}. Incall/outcall. Contact: ${t.contact}. ${d(t, 2)}`,
  (t) => `${t.name} available now ${d(t, 0)} — reach me at ${t.contact} (${d(t, 1)})`,
];
