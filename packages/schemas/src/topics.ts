import type {
  AdLink,
  AdResolution,
  Alert,
  AlertDelivery,
  DeadLetter,
  EnrichedAd,
  EntityChange,
  ExtractedAd,
  MatchBatch,
  RawAd,
  ResolvedAd,
  Watch,
} from "./generated/types.js";

/** Every topic of the pipeline; the names are the schema file names in /schemas. */
export const TOPICS = {
  adsRaw: "nexus.ads.raw.v1",
  adsExtracted: "nexus.ads.extracted.v1",
  adsEnriched: "nexus.ads.enriched.v1",
  matches: "nexus.matches.v1",
  links: "nexus.links.v1",
  entityChanges: "nexus.entities.changes.v1",
  adsResolved: "nexus.ads.resolved.v1",
  adsResolutions: "nexus.ads.resolutions.v1",
  watches: "nexus.watches.v1",
  alerts: "nexus.alerts.v1",
  alertDeliveries: "nexus.alerts.deliveries.v1",
  deadLetters: "nexus.dlq.v1",
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/** The message type carried by each topic. */
export interface TopicMessages {
  "nexus.ads.raw.v1": RawAd;
  "nexus.ads.extracted.v1": ExtractedAd;
  "nexus.ads.enriched.v1": EnrichedAd;
  "nexus.matches.v1": MatchBatch;
  "nexus.links.v1": AdLink;
  "nexus.entities.changes.v1": EntityChange;
  "nexus.ads.resolved.v1": ResolvedAd;
  "nexus.ads.resolutions.v1": AdResolution;
  "nexus.watches.v1": Watch;
  "nexus.alerts.v1": Alert;
  "nexus.alerts.deliveries.v1": AlertDelivery;
  "nexus.dlq.v1": DeadLetter;
}

/** The dead-letter topic of a topic: `<topic>.dlq`, carrying DeadLetter messages. */
export function deadLetterTopic(topic: TopicName): string {
  return `${topic}.dlq`;
}
