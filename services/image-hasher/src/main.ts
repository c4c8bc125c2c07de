import { readConfig } from "@nexus/config";
import { createImageHasher } from "@nexus/image-input";
import { runStageService } from "@nexus/service-kit";
import { configSpec } from "./config.js";
import { createImageHasherTopology } from "./topology.js";

const { images } = readConfig({ images: configSpec.images }, process.env);
// A service fetches over http(s) only, unless an operator sets NEXUS_IMAGE_ALLOW_FILE=true.
const hasher = createImageHasher(images);
await runStageService({
  service: "image-hasher",
  env: process.env,
  topology: () => createImageHasherTopology({ hash: (ref) => hasher.hash(ref) }),
});
