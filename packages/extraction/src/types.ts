/** A piece of the input text. Offsets are UTF-16 code units into the text given to `extractContacts`. */
export interface Span {
  raw: string;
  start: number;
  end: number;
}

export type PhoneRule =
  | "explicit-country-code"
  | "ad-country"
  | "inferred-country"
  | "region-fallback"
  | "messaging-link";

export interface PhoneMatch extends Span {
  /** E.164, e.g. "+50255551234". */
  e164: string;
  /** ISO 3166 alpha-2 of the country the number belongs to. */
  country: string;
  /** Which rule decided the country. */
  rule: PhoneRule;
  /**
   * The signals behind the country ("country-field:US", "city:Toronto", "tld:.com.au",
   * "calling-code:+44", "language:en", "trunk-prefix", "region-fallback", ...).
   */
  evidence?: string[];
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
  /** The ad's country field, ISO 3166 alpha-2 (it may be wrong: the text's evidence can outweigh it). */
  country?: string;
  /** The ad's city field ("Toronto", "London, Ontario"). */
  city?: string;
  /** The site or feed the ad came from (a name or a domain). */
  source?: string;
  /** The ad's URL: its TLD and section ("toronto.example.ca/escorts") are evidence of the country. */
  url?: string;
}
