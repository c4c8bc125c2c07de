import { stageSpec } from "@nexus/service-kit";

/** Every environment variable this service reads (docs/config.md is generated from these). */
export const configSpec = stageSpec;
