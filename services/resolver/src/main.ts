import { createClusterer } from "@nexus/resolution";
import { runStageService } from "@nexus/service-kit";
import { createResolverTopology } from "./topology.js";

await runStageService({
  service: "resolver",
  env: process.env,
  topology: () => createResolverTopology(createClusterer()),
});
