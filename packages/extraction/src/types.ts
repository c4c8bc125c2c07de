/** A piece of the input text. Offsets are UTF-16 code units into the text given to `extractContacts`. */
export interface Span {
  raw: string;
  start: number;
  end: number;
}

export type PhoneRule = "explicit-country-code" | "ad-country" | "region-fallback" | "messaging-link";

export interface PhoneMatch extends Span {
  /** E.164, e.g. "+50255551234". */
  e164: string;
  /** ISO 3166 alpha-2 of the country the number belongs to. */
  country: string;
  /** Which rule decided the country. */
  rule: PhoneRule;
  /** Stable kebab-case tags of what was undone ("spelled-es", "keycap-emoji", ...). */
  obfuscations: string[];
  /** 0..1 */
  confidence: number;
}

export interface EmailMatch extends Span {
  /** Lower-case address. */
  value: string;
  obfuscations: string[];
}

export type HandlePlatform = "instagram" | "telegram" | "onlyfans" | "snapchat" | "x" | "tiktok";

export interface HandleMatch extends Span {
  platform: HandlePlatform;
  /** Lower-case, without '@'. */
  value: string;
}

export interface UrlMatch extends Span {
  url: string;
}

export interface AgeMatch extends Span {
  value: number;
}

export interface PriceMatch extends Span {
  amount: number;
  /** ISO 4217. */
  currency: string;
}

export interface NameMatch extends Span {
  value: string;
}

export interface LocationMatch extends Span {
  value: string;
  country?: string;
}

export interface Extraction {
  language: "es" | "en" | "und";
  phones: PhoneMatch[];
  emails: EmailMatch[];
  handles: HandleMatch[];
  urls: UrlMatch[];
  ages: AgeMatch[];
  prices: PriceMatch[];
  names: NameMatch[];
  locations: LocationMatch[];
}

export interface ExtractOptions {
  /** The ad's country, ISO 3166 alpha-2, upper-case. */
  country?: string;
}
