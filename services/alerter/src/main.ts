import { createAlertEvaluator } from "@nexus/alerting";
import { runStageService } from "@nexus/service-kit";
import { createAlerterTopology } from "./topology.js";
import { followWatches } from "./watch-table.js";

const evaluator = createAlertEvaluator();

await runStageService({
  service: "alerter",
  env: process.env,
  topology: async (deps) => {
    await followWatches(evaluator, deps);
    return createAlerterTopology(evaluator, { now: () => new Date().toISOString() });
  },
});
