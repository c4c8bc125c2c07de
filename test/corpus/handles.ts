/**
 * Social handles and emails: a persona's (or its controller's booking) Instagram, Telegram, OnlyFans
 * or Snapchat name and email, written plainly or half-hidden ("arroba", "punto com", t.me links).
 * Unique per owner, so they are strong evidence like a phone.
 */
import type { PersonaName } from "./names.js";
import type { Rng } from "./rng.js";

export const PLATFORMS = ["instagram", "telegram", "onlyfans", "snapchat"] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface Handle {
  platform: Platform;
  value: string;
}

export interface ContactFactory {
  handle(name: PersonaName | undefined, age: number): Handle;
  email(name: PersonaName, age: number): string;
}

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

const WORDS = ["hot", "vip", "sexy", "linda", "bella", "latina", "dulce", "baby", "doll", "love"];
const BOOKERS = ["citas", "agenda", "reservas", "booking", "modelos", "vipgirls"];

export function createContactFactory(rng: Rng): ContactFactory {
  const used = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const value = make();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
  return {
    handle(name, age) {
      const platform = rng.weighted<Platform>([
        ["instagram", 4],
        ["telegram", 3],
        ["onlyfans", 2],
        ["snapchat", 1],
      ]);
      const base = name ? slug(rng.pick(name.variants)) || "chica" : rng.pick(BOOKERS);
      const value = unique(() =>
        rng.pick([
          `${base}_${rng.pick(WORDS)}${rng.int(1, 99)}`,
          `${base}.${rng.pick(WORDS)}`,
          `${rng.pick(WORDS)}${base}${age}`,
          `${base}${rng.int(100, 999)}`,
        ]),
      );
      return { platform, value };
    },
    email(name, age) {
      const local = unique(
        () =>
          `${slug(rng.pick(name.variants)) || "chica"}${rng.pick([".", "_", ""])}${rng.pick(WORDS)}${rng.chance(0.5) ? age : rng.int(1, 999)}`,
      );
      return `${local}@${rng.pick(["gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "proton.me"])}`;
    },
  };
}

const HANDLE_FORMS: Readonly<Record<Platform, readonly ((value: string) => string)[]>> = {
  instagram: [(v) => `IG: @${v}`, (v) => `Instagram @${v}`, (v) => `instagram.com/${v}`, (v) => `📸 ${v}`],
  telegram: [(v) => `Telegram: @${v}`, (v) => `t.me/${v}`, (v) => `TG @${v}`, (v) => `https://t.me/${v}`],
  onlyfans: [(v) => `OnlyFans: ${v}`, (v) => `onlyfans.com/${v}`, (v) => `OF @${v}`],
  snapchat: [(v) => `Snap: ${v}`, (v) => `snapchat @${v}`, (v) => `👻 ${v}`],
};

export function writeHandle(rng: Rng, handle: Handle): string {
  return rng.pick(HANDLE_FORMS[handle.platform])(handle.value);
}

/** Plain, or spelled out to get past filters: "ana arroba gmail punto com", "ana (at) gmail.com". */
export function writeEmail(rng: Rng, email: string): string {
  const [local, domain] = email.split("@") as [string, string];
  switch (rng.int(0, 4)) {
    case 0:
      return `${local} arroba ${domain.replace(".", " punto ")}`;
    case 1:
      return `${local} (at) ${domain}`;
    case 2:
      return `${local} @ ${domain}`;
    default:
      return email;
  }
}

export function handleKey(handle: Handle): string {
  return `${handle.platform}:${handle.value}`;
}
