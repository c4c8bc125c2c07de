import { imageSpec } from "@nexus/config";
import { stageSpec } from "@nexus/service-kit";

/** Every environment variable this service reads (docs/config.md is generated from these). */
export const configSpec = { ...stageSpec, images: imageSpec } as const;
