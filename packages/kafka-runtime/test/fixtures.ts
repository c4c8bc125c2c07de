import { NexusError } from "@nexus/errors";
import { createLogger, createMemorySink, type Logger } from "@nexus/logging";
import { type RawAd, TOPICS } from "@nexus/schemas";
import type { Output, Topology } from "../src/index.js";

export function rawAd(id: string, body = "hola, llámame"): RawAd {
  return { id, source: "test", body };
}

/** Output derived only from the input, so a replay produces byte-identical records. */
export function resolvedFor(ad: RawAd): Output {
  return {
    topic: TOPICS.adsResolved,
    key: ad.id,
    value: { adId: ad.id, personaId: `p-${ad.id}`, networkId: `n-${ad.id}` },
  };
}

export type RawTopology = Topology<typeof TOPICS.adsRaw>;

/** A stage from raw ads to resolved ads; `handle` can be replaced per test. */
export function echoTopology(handle: RawTopology["handle"] = (ad) => [resolvedFor(ad)]): RawTopology {
  return { name: "echo", input: TOPICS.adsRaw, outputs: [TOPICS.adsResolved], handle };
}

/** A handler that fails retryably `failures` times, then succeeds; counts its calls. */
export function flaky(failures: number): { calls: number; handle: RawTopology["handle"] } {
  const state = {
    calls: 0,
    handle: (ad: RawAd) => {
      state.calls += 1;
      if (state.calls <= failures) throw new NexusError("NEXUS_ES_TIMEOUT", "downstream slow", { retryable: true });
      return [resolvedFor(ad)];
    },
  };
  return state;
}

export const silentLogger = (): Logger =>
  createLogger({ service: "test", level: "silent", destination: createMemorySink() });
