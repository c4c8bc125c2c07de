import { NexusError } from "@nexus/errors";
import { extractContacts } from "@nexus/extraction";
import type { Watch } from "@nexus/schemas";
import { analyze } from "@nexus/search-index";
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { DEFAULT_IMAGE_DISTANCE, ENTITY_TRIGGERS, MIN_PHOTO_QUALITY, type WatchRequest } from "./types.js";

const HEX64 = /^[0-9a-f]{64}$/;
const HANDLE_PLATFORMS = new Set(["instagram", "telegram", "onlyfans", "snapchat", "x", "tiktok"]);

function invalid(message: string, request: WatchRequest): NexusError {
  return new NexusError("NEXUS_WATCH_INVALID", message, { details: { kind: request.kind, value: request.value } });
}

/**
 * As the extractor reads it (obfuscated forms included), else as a plain valid number: the extractor
 * is tuned to ads and skips numbers an ad would not advertise (a landline), but a case may have one.
 */
function normalisePhone(request: WatchRequest): string {
  const phone = extractContacts(request.value, request.country ? { country: request.country } : {}).phones[0];
  if (phone) return phone.e164;
  const parsed = parsePhoneNumberFromString(request.value, request.country?.toUpperCase() as CountryCode | undefined);
  if (parsed?.isValid()) return parsed.number;
  throw invalid(`no phone number found in "${request.value}"; add the country code or --country`, request);
}

function normaliseEmail(request: WatchRequest): string {
  const email = extractContacts(request.value).emails[0];
  if (!email) throw invalid(`no email address found in "${request.value}"`, request);
  return email.value;
}

/** `platform:name` for one platform, or `*:name` to watch the name on every platform. */
function normaliseHandle(request: WatchRequest): string {
  const typed = request.value.trim().toLowerCase();
  const explicit = /^([a-z]+):@?([a-z0-9._]{2,64})$/.exec(typed);
  if (explicit?.[1] && explicit[2] && (HANDLE_PLATFORMS.has(explicit[1]) || explicit[1] === "*")) {
    return `${explicit[1]}:${explicit[2]}`;
  }
  const found = extractContacts(request.value).handles[0];
  if (found) return `${found.platform}:${found.value}`;
  const bare = /^@?([a-z0-9._]{2,64})$/.exec(typed);
  if (bare?.[1]) return `*:${bare[1]}`;
  throw invalid(`no handle found in "${request.value}"; write it as platform:name or @name`, request);
}

function normaliseText(request: WatchRequest): string {
  const text = request.value.trim().replace(/\s+/g, " ");
  if (analyze(text).length === 0) throw invalid("the query has no searchable words (only stop words?)", request);
  return text;
}

function imageFields(request: WatchRequest): Pick<Watch, "value" | "hashes" | "maxDistance"> {
  const image = request.image;
  if (!image || !HEX64.test(image.pdq)) throw invalid("an image watch needs the photo's PDQ hash", request);
  if (image.quality < MIN_PHOTO_QUALITY) {
    throw invalid(`the photo's PDQ quality is ${image.quality} (< ${MIN_PHOTO_QUALITY}): too flat to match`, request);
  }
  const maxDistance = request.maxDistance ?? DEFAULT_IMAGE_DISTANCE;
  if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > 64) {
    throw invalid("maxDistance must be an integer from 0 to 64", request);
  }
  // The schema caps the list at 8, which its generated type spells as tuples.
  const hashes = (image.dihedral.length === 8 ? [...image.dihedral] : [image.pdq]) as Watch["hashes"];
  return { value: image.pdq, ...(hashes ? { hashes } : {}), maxDistance };
}

function entityFields(request: WatchRequest): Pick<Watch, "value" | "triggers"> {
  const id = request.value.trim();
  if (!/^\S{1,128}$/.test(id)) throw invalid("an entity watch needs an entity id", request);
  const triggers = request.triggers ?? ENTITY_TRIGGERS;
  const unknown = triggers.filter((trigger) => !ENTITY_TRIGGERS.includes(trigger));
  if (unknown.length > 0 || triggers.length === 0) {
    throw invalid(`triggers must be some of ${ENTITY_TRIGGERS.join(", ")}`, request);
  }
  return { value: id, triggers: ENTITY_TRIGGERS.filter((trigger) => triggers.includes(trigger)) };
}

function kindFields(request: WatchRequest): Pick<Watch, "value" | "hashes" | "maxDistance" | "triggers"> {
  switch (request.kind) {
    case "phone":
      return { value: normalisePhone(request) };
    case "email":
      return { value: normaliseEmail(request) };
    case "handle":
      return { value: normaliseHandle(request) };
    case "text":
      return { value: normaliseText(request) };
    case "image":
      return imageFields(request);
    case "entity":
      return entityFields(request);
    default:
      throw invalid(`unknown watch kind "${String(request.kind)}"`, request);
  }
}

/**
 * Turns what an analyst typed into a stored watch: the value normalised the way ads are (a phone
 * typed in any format becomes the E.164 the extractor produces), so a watch and an ad meet on equal terms.
 * The id and the time come from the caller: this core has no clock and no randomness.
 */
export function normaliseWatch(request: WatchRequest, stamp: { id: string; createdAt: string }): Watch {
  if (request.webhook && !/^https?:\/\//.test(request.webhook.url))
    throw invalid("the webhook must be an http(s) URL", request);
  if (request.webhook && request.webhook.secret.length < 16) {
    throw invalid("the webhook secret must have at least 16 characters", request);
  }
  return {
    id: stamp.id,
    kind: request.kind,
    ...kindFields(request),
    input: request.value.slice(0, 2000),
    ...(request.label ? { label: request.label.slice(0, 200) } : {}),
    ...(request.webhook ? { webhook: { url: request.webhook.url, secret: request.webhook.secret } } : {}),
    createdAt: stamp.createdAt,
  };
}

/** A watch id from 16+ random bytes' hex (the caller draws them). */
export function watchIdFrom(randomHex: string): string {
  return `w_${randomHex
    .toLowerCase()
    .replace(/[^0-9a-z]/g, "")
    .slice(0, 32)}`;
}
