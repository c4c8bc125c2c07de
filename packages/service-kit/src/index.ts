/**
 * @module @nexus/service-kit
 * What every stage service's main.ts shares, so that each main.ts only names its topology.
 */
export {
  runStageService,
  type StageConfig,
  type StageServiceOptions,
  stageSpec,
  stageTopicSpecs,
} from "./run-stage.js";
