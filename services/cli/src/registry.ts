import type { Command } from "./context.js";
import type { ViewFactory } from "./output/view.js";
import type { CommandSpec } from "./spec.js";
import * as specs from "./specs.js";

/** A command: its spec, its code and its terminal view, both loaded only when it runs. */
export interface CommandEntry {
  readonly spec: CommandSpec;
  load(): Promise<Command>;
  view(): Promise<ViewFactory>;
}

const records = () => import("./output/record-views.js");
const reports = () => import("./output/report-views.js");

const ENTRIES: readonly CommandEntry[] = [
  {
    spec: specs.INGEST,
    load: async () => (await import("./commands/ingest.js")).ingestCommand,
    view: async () => (await reports()).ingestView,
  },
  {
    spec: specs.ENTITIES,
    load: async () => (await import("./commands/entities.js")).entitiesCommand,
    view: async () => (await records()).entitiesView,
  },
  {
    spec: specs.SEARCH,
    load: async () => (await import("./commands/search.js")).searchCommand,
    view: async () => (await records()).searchView,
  },
  {
    spec: specs.WHY,
    load: async () => (await import("./commands/why.js")).whyCommand,
    view: async () => (await reports()).whyView,
  },
  {
    spec: specs.DECIDE,
    load: async () => (await import("./commands/decide.js")).decideCommand,
    view: async () => (await records()).changesView,
  },
  {
    spec: specs.GENERICS,
    load: async () => (await import("./commands/generics.js")).genericsCommand,
    view: async () => (await records()).genericsView,
  },
  {
    spec: specs.WATCH,
    load: async () => (await import("./commands/watch.js")).watchCommand,
    view: async () => (await records()).watchView,
  },
  {
    spec: specs.ALERTS,
    load: async () => (await import("./commands/alerts.js")).alertsCommand,
    view: async () => (await records()).alertsView,
  },
  {
    spec: specs.EXTRACT,
    load: async () => (await import("./commands/extract.js")).extractCommand,
    view: async () => (await records()).extractView,
  },
  {
    spec: specs.HASH,
    load: async () => (await import("./commands/hash.js")).hashCommand,
    view: async () => (await records()).hashView,
  },
  {
    spec: specs.DEMO,
    load: async () => (await import("./commands/demo.js")).demoCommand,
    view: async () => (await reports()).demoView,
  },
  {
    spec: specs.PRODUCE,
    load: async () => (await import("./commands/produce.js")).produceCommand,
    view: async () => (await reports()).produceView,
  },
];

export const COMMANDS: ReadonlyMap<string, CommandEntry> = new Map(ENTRIES.map((entry) => [entry.spec.name, entry]));
