import type { EntityDetail } from "../api/types.js";

export interface Stop {
  readonly city: string;
  readonly country?: string;
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  readonly ads: number;
}

/** The places an entity advertised in, in the order it first appeared in each: its movement. */
export function stopsInOrder(detail: Pick<EntityDetail, "cities">): Stop[] {
  return [...detail.cities].sort((a, b) => (a.firstSeen ?? "").localeCompare(b.firstSeen ?? ""));
}

/** Countries in order of first appearance: more than one is cross-border movement. */
export function countriesInOrder(stops: readonly Stop[]): string[] {
  const seen: string[] = [];
  for (const stop of stops) if (stop.country && !seen.includes(stop.country)) seen.push(stop.country);
  return seen;
}
