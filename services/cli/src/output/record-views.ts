/**
 * Terminal views of the commands that print one JSON record per line. Each shows the fields a
 * person scans first; `--json` (or a pipe) gives the whole records.
 */
import type { Alert, Watch } from "@nexus/schemas";
import type { Style } from "./style.js";
import type { Column } from "./table.js";
import { list, plural, tableView } from "./table-view.js";
import type { View, ViewContext, ViewFactory } from "./view.js";

interface EntityRow {
  id: string;
  layer: string;
  adIds: string[];
  personaIds?: string[];
  phones: string[];
  emails: string[];
  handles: string[];
  aliases: string[];
}

const id = (text: string, _row: unknown, style: Style) => style.cyan(text);

export const entitiesView: ViewFactory = (context) =>
  tableView<EntityRow>(
    context,
    [
      { header: "ENTITY", text: (e) => e.id, colour: id },
      { header: "ADS", text: (e) => String(e.adIds.length), align: "right" },
      { header: "PERSONAS", text: (e) => (e.personaIds ? String(e.personaIds.length) : ""), align: "right" },
      { header: "PHONES", text: (e) => list(e.phones), colour: (t, _e, s) => s.yellow(t), max: 48 },
      { header: "EMAILS / HANDLES", text: (e) => list([...e.emails, ...e.handles], 2) },
    ],
    { empty: "no entities", footer: (n, s) => s.dim(plural(n, "entity", "entities")) },
  );

interface SearchRow {
  id: string;
  score: number;
  entityId?: string;
  title?: string;
  country?: string;
  city?: string;
}

export const searchView: ViewFactory = (context) =>
  tableView<SearchRow>(
    context,
    [
      { header: "SCORE", text: (h) => h.score.toFixed(2), align: "right" },
      { header: "AD", text: (h) => h.id, colour: id },
      { header: "ENTITY", text: (h) => h.entityId ?? "", colour: (t, _h, s) => s.magenta(t) },
      { header: "PLACE", text: (h) => [h.city, h.country].filter(Boolean).join(", "), max: 24 },
      { header: "TITLE", text: (h) => h.title ?? "", max: 60 },
    ],
    { empty: "no matching ads" },
  );

interface ChangeRow {
  type: string;
  layer: string;
  entityId: string;
  adIds: string[];
  mergedFrom?: string[];
  splitInto?: string[];
  reason?: string;
}

const changeColumns: readonly Column<ChangeRow>[] = [
  {
    header: "CHANGE",
    text: (c) => c.type,
    colour: (t, _c, s) => (t === "split" ? s.yellow(t) : t === "merged" ? s.green(t) : t),
  },
  { header: "LAYER", text: (c) => c.layer },
  { header: "ENTITY", text: (c) => c.entityId, colour: id },
  { header: "ADS", text: (c) => String(c.adIds.length), align: "right" },
  {
    header: "DETAIL",
    text: (c) =>
      [
        c.mergedFrom?.length ? `from ${c.mergedFrom.join(" ")}` : "",
        c.splitInto?.length ? `into ${c.splitInto.join(" ")}` : "",
        c.reason ?? "",
      ]
        .filter(Boolean)
        .join("; "),
    max: 70,
  },
];

export const changesView: ViewFactory = (context) => tableView(context, changeColumns, { empty: "no entity changed" });

interface DemotionRow {
  key: string;
  kind: string;
  reason: string;
  distinctAds: number;
  overridden?: boolean;
}

/** `generics`: the demoted values; with --set, the entity changes the override caused. */
export const genericsView: ViewFactory = (context) =>
  context.flags.has("set")
    ? changesView(context)
    : tableView<DemotionRow>(
        context,
        [
          { header: "KIND", text: (g) => g.kind },
          {
            header: "VALUE",
            text: (g) => g.key.slice(g.key.indexOf(":") + 1),
            colour: (t, _g, s) => s.yellow(t),
            max: 40,
          },
          { header: "ADS", text: (g) => String(g.distinctAds), align: "right" },
          { header: "WHY", text: (g) => `${g.reason}${g.overridden ? " (set by an analyst)" : ""}`, max: 70 },
        ],
        { empty: "no generic values" },
      );

type WatchRow = Omit<Watch, "webhook"> & { webhook?: { url: string } };

const watchColumns: readonly Column<WatchRow>[] = [
  { header: "WATCH", text: (w) => w.id, colour: id },
  { header: "KIND", text: (w) => w.kind },
  { header: "VALUE", text: (w) => String(w.value ?? ""), colour: (t, _w, s) => s.yellow(t), max: 40 },
  { header: "LABEL", text: (w) => w.label ?? "", max: 30 },
  { header: "WEBHOOK", text: (w) => w.webhook?.url ?? "", max: 40 },
];

/** `watch add|list|remove`: the watches as a table; a removal as one line. */
export const watchView: ViewFactory = (context) => {
  const table = tableView(context, watchColumns, { empty: "no watches" });
  return {
    record(value) {
      const removed = (value as { removed?: string }).removed;
      if (removed !== undefined) context.out.write(`removed watch ${context.style.cyan(removed)}\n`);
      else table.record(value);
    },
    end() {
      if (context.positionals[0] !== "remove") table.end();
    },
  };
};

const evidenceText = (alert: Alert): string =>
  alert.evidence
    .map((e) => [e.kind, e.value, e.distance === undefined ? "" : `d=${e.distance}`].filter(Boolean).join(" "))
    .join("; ");

const alertColumns: readonly Column<Alert>[] = [
  { header: "SEQ", text: (a) => String(a.seq), align: "right" },
  { header: "RAISED", text: (a) => (a.raisedAt ?? "").replace("T", " ").slice(0, 19) },
  { header: "WATCH", text: (a) => a.label ?? a.watchId, colour: id, max: 24 },
  { header: "AD", text: (a) => a.adId, colour: id },
  { header: "ENTITY", text: (a) => a.entityId, colour: (t, _a, s) => s.magenta(t) },
  { header: "EVIDENCE", text: evidenceText, colour: (t, _a, s) => s.yellow(t), max: 50 },
];

/** `alerts`: a table; with --follow, one line per alert as it arrives. */
export const alertsView: ViewFactory = (context) =>
  context.flags.has("follow") ? followView(context) : tableView(context, alertColumns, { empty: "no alerts" });

function followView(context: ViewContext): View {
  const { style } = context;
  return {
    record(value) {
      const alert = value as Alert;
      const where = [alert.ad?.city, alert.ad?.country].filter(Boolean).join(", ");
      context.out.write(
        `${style.bold(`#${alert.seq}`)} ${style.cyan(alert.label ?? alert.watchId)} → ad ${style.cyan(alert.adId)} in ${style.magenta(alert.entityId)}${where ? ` (${where})` : ""}: ${style.yellow(evidenceText(alert))}\n`,
      );
    },
    end() {},
  };
}

interface ExtractRow {
  id: string;
  language: string;
  phones: { e164?: string }[];
  emails: { value: string }[];
  handles: { platform: string; value: string }[];
  names: { value: string }[];
  ages: { value: number }[];
  locations: { value: string }[];
}

export const extractView: ViewFactory = (context) =>
  tableView<ExtractRow>(
    context,
    [
      { header: "AD", text: (r) => r.id, colour: id },
      { header: "LANG", text: (r) => r.language },
      {
        header: "PHONES",
        text: (r) => list(r.phones.map((p) => p.e164 ?? "?")),
        colour: (t, _r, s) => s.yellow(t),
        max: 48,
      },
      {
        header: "EMAILS / HANDLES",
        text: (r) => list([...r.emails.map((e) => e.value), ...r.handles.map((h) => `${h.platform}:${h.value}`)], 2),
        max: 40,
      },
      {
        header: "NAMES",
        text: (r) =>
          list(
            r.names.map((n) => n.value),
            2,
          ),
      },
      {
        header: "AGES",
        text: (r) =>
          list(
            r.ages.map((a) => String(a.value)),
            2,
          ),
      },
      {
        header: "PLACES",
        text: (r) =>
          list(
            r.locations.map((l) => l.value),
            2,
          ),
        max: 30,
      },
    ],
    { empty: "no ads read" },
  );

interface HashRow {
  path: string;
  pdq?: string;
  quality?: number;
  width?: number;
  height?: number;
  error?: { code: string; message: string };
}

export const hashView: ViewFactory = (context) =>
  tableView<HashRow>(
    context,
    [
      { header: "IMAGE", text: (h) => h.path, max: 40 },
      {
        header: "QUALITY",
        text: (h) => (h.quality === undefined ? "" : String(h.quality)),
        colour: (t, h, s) => ((h.quality ?? 100) < 50 ? s.red(t) : t),
        align: "right",
      },
      { header: "SIZE", text: (h) => (h.width ? `${h.width}x${h.height}` : "") },
      {
        header: "PDQ",
        text: (h) => h.pdq ?? `${h.error?.code}: ${h.error?.message}`,
        colour: (t, h, s) => (h.error ? s.red(t) : t),
      },
    ],
    { empty: "no images" },
  );
