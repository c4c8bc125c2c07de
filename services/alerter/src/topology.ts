import type { AlertEvaluator } from "@nexus/alerting";
import type { Output, Topology } from "@nexus/kafka-runtime";
import { type AdResolution, TOPICS } from "@nexus/schemas";

/** The alerter's state changelog: every resolution it evaluated, in order, to rebuild entity profiles. */
export const ALERTER_CHANGELOG = "nexus.alerter.history.changelog.v1";

/**
 * alert: each ad the resolver took → the alerts of the watches it sets off. Entity watches need
 * what each entity had before the ad (phones, places, merges), so the stage is stateful, single
 * instance, and rebuilds that state from its changelog, in order, before it consumes.
 */
export function createAlerterTopology(
  evaluator: AlertEvaluator,
  clock: { now(): string },
): Topology<typeof TOPICS.adsResolutions> {
  // The resolver's position of the last ad evaluated: a replay past the changelog raises nothing.
  let lastSeq = 0;
  return {
    name: "nexus-alerter",
    input: TOPICS.adsResolutions,
    outputs: [TOPICS.alerts],
    state: {
      changelog: ALERTER_CHANGELOG,
      restore(_key, value) {
        if (value === null) return;
        const resolution = value as AdResolution;
        evaluator.evaluate(resolution, { raise: false });
        lastSeq = Math.max(lastSeq, resolution.seq);
      },
    },
    handle(resolution) {
      if (resolution.seq <= lastSeq) return [];
      lastSeq = resolution.seq;
      const raisedAt = clock.now();
      const alerts: Output[] = evaluator
        .evaluate(resolution)
        .map((alert) => ({ topic: TOPICS.alerts, key: alert.id, value: { ...alert, raisedAt } }));
      // The changelog record last: a burst may go out in several requests, and an alert must never
      // be lost behind state a restart restores.
      return [...alerts, { topic: ALERTER_CHANGELOG, key: resolution.ad.id, value: resolution }];
    },
  };
}
