/**
 * Thresholds and weights. Weights are log2 likelihood ratios log2(m/u) in bits, Fellegi–Sunter style;
 * README.md explains where each number comes from and bench/results/resolution.md how the defaults
 * were measured.
 */
export interface ResolutionConfig {
  /** Total bits at or above which two ads are in one network. */
  networkThreshold: number;
  /** Persona bits (contacts capped, see personaContactCap) at or above which two ads are one persona. */
  personaThreshold: number;
  /** Shared contacts say "same controller", not "same person": their persona contribution is capped. */
  personaContactCap: number;
  weights: {
    phone: number;
    email: number;
    handle: number;
    /** Photo at Hamming distance 0; falls linearly to photoAtMax at photoMaxDistance. */
    photoExact: number;
    photoAtMax: number;
    /** Text bits at Jaccard 1; scaled linearly from 0 at textMinJaccard. */
    textMax: number;
    /** Both ads have enough text and share almost none of it (Jaccard below textDisagreeJaccard). */
    textDisagree: number;
    nameAgree: number;
    nameDisagree: number;
    ageAgree: number;
    ageDisagree: number;
    cityAgree: number;
    cityDisagree: number;
    countryDisagree: number;
    timeClose: number;
    analyst: number;
  };
  photoMaxDistance: number;
  photoMinQuality: number;
  textMinJaccard: number;
  textDisagreeJaccard: number;
  /** Ads with fewer usable shingles than this give no text evidence (too short to mean anything). */
  textMinShingles: number;
  nameAgreeSimilarity: number;
  timeCloseDays: number;
  generic: {
    /** An identifier is generic once on this many ads with this many distinct other contacts... */
    identifierMinAds: number;
    identifierMinCoContacts: number;
    /** ...or on this many ads whatever else they carry. */
    identifierMaxAds: number;
    photoMinAds: number;
    photoMinCoContacts: number;
    /** ...or on this many ads posted from this many countries (one person rarely spans three). */
    photoMinCountries: number;
    photoMaxAds: number;
    /** A shingle on this many ads is boilerplate. */
    phraseMinAds: number;
  };
  minhash: { numHashes: number; bands: number; rows: number; bucketCap: number };
}

export const DEFAULT_RESOLUTION_CONFIG: ResolutionConfig = {
  networkThreshold: 8,
  personaThreshold: 13,
  personaContactCap: 10,
  weights: {
    phone: 12,
    email: 12,
    handle: 11,
    photoExact: 13,
    photoAtMax: 8,
    textMax: 14,
    textDisagree: -2,
    nameAgree: 3,
    nameDisagree: -6,
    ageAgree: 1.5,
    ageDisagree: -4,
    cityAgree: 1,
    cityDisagree: -1,
    countryDisagree: -4,
    timeClose: 0.5,
    analyst: 1000,
  },
  photoMaxDistance: 31,
  photoMinQuality: 50,
  textMinJaccard: 0.6,
  textDisagreeJaccard: 0.05,
  textMinShingles: 6,
  nameAgreeSimilarity: 0.8,
  timeCloseDays: 30,
  generic: {
    identifierMinAds: 12,
    identifierMinCoContacts: 20,
    identifierMaxAds: 100,
    photoMinAds: 3,
    photoMinCoContacts: 10,
    photoMinCountries: 3,
    photoMaxAds: 60,
    phraseMinAds: 25,
  },
  minhash: { numHashes: 96, bands: 32, rows: 3, bucketCap: 200 },
};

/** What callers may override: any field, and single fields inside the nested groups. */
export type ResolutionConfigOverrides = Partial<Omit<ResolutionConfig, "weights" | "generic" | "minhash">> & {
  weights?: Partial<ResolutionConfig["weights"]>;
  generic?: Partial<ResolutionConfig["generic"]>;
  minhash?: Partial<ResolutionConfig["minhash"]>;
};

/** Deep-enough merge: top-level fields replace, `weights`, `generic` and `minhash` merge per field. */
export function resolveConfig(partial: ResolutionConfigOverrides = {}): ResolutionConfig {
  const base = DEFAULT_RESOLUTION_CONFIG;
  return {
    ...base,
    ...partial,
    weights: { ...base.weights, ...partial.weights },
    generic: { ...base.generic, ...partial.generic },
    minhash: { ...base.minhash, ...partial.minhash },
  };
}
