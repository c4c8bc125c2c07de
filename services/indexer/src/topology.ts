export { createEnrichedTopology, createResolvedTopology, type IndexerDeps, KEYS } from "./ad-topologies.js";
export { createEntityTopology, type EntityTopologyDeps } from "./entity-topology.js";
export { createKeyedLock, type KeyedLock } from "./keyed-lock.js";
export { type AdIndexWriter, createDropCollector, createEsAdIndexWriter, type DropCollector } from "./writer.js";
