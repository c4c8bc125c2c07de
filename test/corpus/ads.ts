/**
 * Turns the planned world into ads: for each persona, its ads over time with text, contact lines,
 * confounders and the photos each ad shows (as image plans, rendered later), plus the truth line.
 */
import { CONFOUNDERS, type Confounder, digitDistractors, referenceId, type Source } from "./confounders.js";
import { handleKey, writeEmail, writeHandle } from "./handles.js";
import { DEMONYMS, pickArea, pickCity, writeName } from "./names.js";
import { type PhoneStyle, PLAIN_STYLES, renderPhone, STYLE_WEIGHTS } from "./obfuscation.js";
import type { Phone } from "./phones.js";
import { CONTACT_LABELS, CONTROLLER_LABELS, NO_PHONE_LINES } from "./phrases.js";
import type { Rng } from "./rng.js";
import { fill, type Slots, vary, writeClosing, writeNarrative, writeTitle } from "./text.js";
import { drawTransform, type ImagePlan } from "./transforms.js";
import type { Network, Persona } from "./world.js";

export interface AdRecord {
  id: string;
  source: string;
  url: string;
  postedAt: string;
  title: string;
  body: string;
  country: string;
  city: string;
}

export interface TruthRecord {
  adId: string;
  personaId: string;
  networkId: string;
  phones: string[];
  confounders: Confounder[];
  /** What makes this ad hard to link: obfuscation styles, a changed or foreign number, and so on. */
  challenges: string[];
  photos: string[];
  /** Handles as `platform:value`, and emails, of the persona or controller printed in the ad. */
  handles: string[];
  emails: string[];
}

export interface PlannedAd {
  ad: AdRecord;
  truth: TruthRecord;
  images: ImagePlan[];
}

const SPANISH_ONLY: ReadonlySet<PhoneStyle> = new Set(["spelled-es", "mixed-words", "misspelled-es", "two-digit-es"]);
const START_MS = Date.UTC(2026, 0, 5);
const DAY_MS = 86_400_000;

function chooseStyle(rng: Rng, persona: Persona): PhoneStyle {
  const style = rng.chance(0.6) ? persona.phoneStyle : rng.weighted(STYLE_WEIGHTS);
  if (persona.language === "en" && SPANISH_ONLY.has(style)) return "spelled-en";
  if (persona.language === "es" && style === "spelled-en") return "spelled-es";
  return style;
}

interface ContactPlan {
  own: Phone | undefined;
  controller: Phone | undefined;
}

function planContacts(rng: Rng, persona: Persona, network: Network, adIndex: number, forced: number): ContactPlan {
  const own = persona.phones[adIndex >= persona.phoneChangeAt ? 1 : 0];
  const controller =
    network.controllerPhone !== undefined && (adIndex === forced || rng.chance(0.35))
      ? network.controllerPhone
      : undefined;
  if (controller !== undefined && rng.chance(0.3)) return { own: undefined, controller };
  if (controller === undefined && rng.chance(0.04)) return { own: undefined, controller: undefined };
  return { own, controller };
}

interface Written {
  lines: string[];
  challenges: string[];
  handles: string[];
  emails: string[];
}

/** Handles and email, when the persona (or controller) has them and feels like printing them. */
function writeOtherContacts(rng: Rng, persona: Persona, network: Network, written: Written): void {
  if (persona.handle && rng.chance(0.6)) {
    written.lines.push(writeHandle(rng, persona.handle));
    written.handles.push(handleKey(persona.handle));
  }
  if (network.controllerHandle && rng.chance(0.3)) {
    written.lines.push(writeHandle(rng, network.controllerHandle));
    written.handles.push(handleKey(network.controllerHandle));
  }
  if (persona.email && rng.chance(0.5)) {
    written.lines.push(`${rng.pick(["correo:", "email:", "📧", "Mail"])} ${writeEmail(rng, persona.email)}`);
    written.emails.push(persona.email);
  }
}

function writeContacts(rng: Rng, persona: Persona, contacts: ContactPlan): Written {
  const lines: string[] = [];
  const challenges: string[] = [];
  const write = (phone: Phone, labels: readonly string[]): void => {
    const style = chooseStyle(rng, persona);
    if (!PLAIN_STYLES.has(style)) challenges.push(`obfuscated:${style}`);
    if (phone.country !== persona.country) challenges.push("foreign-phone");
    lines.push(`${rng.pick(labels)} ${renderPhone(rng, phone, style)}`);
  };
  if (contacts.own) write(contacts.own, CONTACT_LABELS[persona.language]);
  if (contacts.controller) write(contacts.controller, CONTROLLER_LABELS[persona.language]);
  if (!contacts.own && !contacts.controller) {
    lines.push(rng.pick(NO_PHONE_LINES[persona.language]));
    challenges.push("no-phone");
  }
  if (!contacts.own && contacts.controller) challenges.push("controller-only");
  return { lines, challenges, handles: [], emails: [] };
}

function choosePhotos(rng: Rng, persona: Persona, hasOwnPhone: boolean, mustShowOwn: boolean): string[] {
  if (!mustShowOwn && hasOwnPhone && rng.chance(0.06)) return [];
  const stock = persona.stockPhotoIds.length > 0 && rng.chance(0.5) ? [...persona.stockPhotoIds] : [];
  if (stock.length > 0 && hasOwnPhone && !mustShowOwn && rng.chance(0.35)) return stock;
  const own = rng.shuffle(persona.photoIds).slice(0, rng.int(1, persona.photoIds.length));
  return rng.chance(0.5) ? [...own, ...stock] : [...stock, ...own];
}

interface AdContext {
  rng: Rng;
  network: Network;
  persona: Persona;
  usedIds: Set<string>;
}

function drawAdId(rng: Rng, source: Source, usedIds: Set<string>): string {
  for (;;) {
    const id = `${source.name}-${rng.int(1_000_000, 9_999_999)}`;
    if (!usedIds.has(id)) {
      usedIds.add(id);
      return id;
    }
  }
}

interface BodyParts {
  rng: Rng;
  persona: Persona;
  source: Source;
  slots: Slots;
  contactLines: readonly string[];
  /** Filled in with the confounders the body ends up carrying. */
  confounders: Confounder[];
}

function writeBody(parts: BodyParts): string {
  const { rng, persona, source, slots, confounders } = parts;
  const shared = persona.sharedTemplate !== undefined && rng.chance(0.8) ? persona.sharedTemplate : undefined;
  if (shared !== undefined) confounders.push(CONFOUNDERS.sharedTemplate);
  const narrative =
    shared !== undefined ? vary(rng, fill(shared, slots), persona.voice) : writeNarrative(rng, persona.voice, slots);
  const distractors = rng.chance(0.85) ? digitDistractors(rng, persona.country, persona.language) : [];
  if (distractors.length > 0) confounders.push(CONFOUNDERS.digitDistractors);
  const disclaimer = persona.disclaimer !== undefined && rng.chance(0.85) ? persona.disclaimer : undefined;
  if (disclaimer) confounders.push(CONFOUNDERS.boilerplate);
  const reference = source.printsReference ? `Ref. ${referenceId(rng)}` : undefined;
  if (reference) confounders.push(CONFOUNDERS.referenceId);
  const main = persona.voice.contactFirst ? [...parts.contactLines, narrative] : [narrative, ...parts.contactLines];
  const closing = writeClosing(rng, persona.voice);
  return [...main, distractors.join(rng.pick([". ", " | ", "\n"])), closing, disclaimer, reference, source.footer]
    .filter((part): part is string => Boolean(part))
    .join("\n");
}

function writeSlots(rng: Rng, persona: Persona): Slots {
  return {
    name: writeName(rng, persona.name),
    age: rng.chance(0.9) ? persona.age : persona.age + rng.pick([-1, 1, 2]),
    // Now and then the persona advertises while touring another city.
    city: rng.chance(0.1) ? pickCity(rng, persona.country) : persona.city,
    demonym: DEMONYMS[persona.nationality][persona.language],
    area: pickArea(rng, persona.country),
  };
}

function buildAd(context: AdContext, adIndex: number, forced: number): PlannedAd {
  const { rng, network, persona } = context;
  const source = rng.pick(persona.sources);
  const id = drawAdId(rng, source, context.usedIds);
  const slots = writeSlots(rng, persona);
  const contacts = planContacts(rng, persona, network, adIndex, forced);
  const contact = writeContacts(rng, persona, contacts);
  writeOtherContacts(rng, persona, network, contact);
  const confounders: Confounder[] = [CONFOUNDERS.sitePhone];
  const body = writeBody({ rng, persona, source, slots, contactLines: contact.lines, confounders });
  const mustShowOwn = contacts.own === undefined || persona.phones.length > 1;
  const photos = choosePhotos(rng, persona, contacts.own !== undefined, mustShowOwn);
  if (photos.some((photo) => photo.startsWith("stock/"))) confounders.push(CONFOUNDERS.stockPhoto);
  if (adIndex >= persona.phoneChangeAt) contact.challenges.push("phone-changed");
  const day = persona.firstDay + Math.floor((persona.spanDays * adIndex) / Math.max(1, persona.adCount - 1));
  const postedAt = new Date(START_MS + day * DAY_MS + rng.int(0, DAY_MS - 1)).toISOString().replace(/\.\d{3}Z$/, "Z");
  const ad: AdRecord = {
    id,
    source: source.domain,
    url: `https://${source.domain}/anuncio/${id.slice(source.name.length + 1)}`,
    postedAt,
    title: writeTitle(rng, persona.voice, slots),
    body,
    country: persona.country,
    city: slots.city,
  };
  const phones = [contacts.own?.e164, contacts.controller?.e164].filter(
    (phone): phone is string => phone !== undefined,
  );
  return {
    ad,
    truth: {
      adId: id,
      personaId: persona.id,
      networkId: network.id,
      phones,
      confounders,
      challenges: [...new Set(contact.challenges)],
      photos,
      handles: contact.handles,
      emails: contact.emails,
    },
    images: photos.map((photo) => ({ photoId: photo, transform: drawTransform(rng) })),
  };
}

/** Every ad of the world, oldest first (as a scraper would deliver them), ids unique. */
export function planAds(
  rng: Rng,
  networks: readonly Network[],
  onProgress?: (done: number, total: number) => void,
): PlannedAd[] {
  const usedIds = new Set<string>();
  const planned: PlannedAd[] = [];
  const total = networks.reduce((sum, network) => sum + network.personas.reduce((n, p) => n + p.adCount, 0), 0);
  for (const network of networks) {
    for (const persona of network.personas) {
      const context: AdContext = { rng, network, persona, usedIds };
      // In a network, at least one of each persona's ads carries the controller's number.
      const forced = rng.int(0, persona.adCount - 1);
      for (let adIndex = 0; adIndex < persona.adCount; adIndex++) {
        planned.push(buildAd(context, adIndex, forced));
        if (planned.length % 10_000 === 0 && planned.length < total) onProgress?.(planned.length, total);
      }
    }
  }
  // Plain code-unit order: ISO timestamps sort chronologically, and localeCompare is far slower.
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return planned.sort((a, b) => order(a.ad.postedAt, b.ad.postedAt) || order(a.ad.id, b.ad.id));
}
