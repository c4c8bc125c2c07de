import { runStageService } from "@nexus/service-kit";
import { extractorTopology } from "./topology.js";

await runStageService({ service: "extractor", env: process.env, topology: () => extractorTopology });
