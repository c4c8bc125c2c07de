import { createMatcher } from "@nexus/resolution";
import { runStageService } from "@nexus/service-kit";
import { readShare, requireOneOrder } from "./share.js";
import { createMatcherTopology } from "./topology.js";

const share = readShare(process.env);

await runStageService({
  service: `matcher-${share.replica}`,
  env: process.env,
  topology: async ({ config }) => {
    await requireOneOrder(share, config.kafka);
    return createMatcherTopology(createMatcher({}, share));
  },
});
