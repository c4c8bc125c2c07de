// Entry of the hash worker when @nexus/image-input runs from its TypeScript sources (tsx, vitest):
// a worker thread starts without the parent's loaders, so register tsx here, then load the worker.
// biome-ignore lint/correctness/noUndeclaredDependencies: the repo's root dev dependency; never runs from dist.
import { register } from "tsx/esm/api";

register();
await import("./hash-worker.ts");
