import { stageSpec } from "@nexus/service-kit";
import { matcherSpec } from "./share.js";

/** Every environment variable this service reads (docs/config.md is generated from these). */
export const configSpec = { ...stageSpec, matcher: matcherSpec } as const;
