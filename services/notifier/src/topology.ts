import type { Topology } from "@nexus/kafka-runtime";
import { type Alert, TOPICS } from "@nexus/schemas";
import type { AlertOrigin } from "./dead-letters.js";

export interface NotifierTopologyDeps {
  /** Resolves once the alert's delivery is saved as pending (or it needs none: no webhook, or a replay). */
  accept(alert: Alert, origin: AlertOrigin): Promise<void>;
}

/**
 * Alerts in, nothing out through the runtime: once accept() resolves the alert's offset may be
 * committed; sending and retrying go on in the background and resume after a restart.
 */
export function createNotifierTopology(deps: NotifierTopologyDeps): Topology<typeof TOPICS.alerts> {
  return {
    name: "notifier",
    input: TOPICS.alerts,
    outputs: [],
    handle: async (alert, context) => {
      await deps.accept(alert, { partition: context.partition, offset: context.offset });
      return [];
    },
  };
}
