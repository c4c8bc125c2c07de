import { lazy, Suspense, useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api/client.js";
import type { EntityDetail, EntityOverview } from "../api/types.js";
import { Status } from "../components/layout.js";
import { Photo } from "../components/photo.js";
import { formatDate } from "../i18n.js";
import { useSession } from "../session.js";
import { Decisions } from "./decisions.js";
import { buildGraph } from "./graph-model.js";
import { countriesInOrder, stopsInOrder } from "./places.js";
import { ContactsTable, LinksTable, PlacesTable } from "./tables.js";
import { useEntity } from "./use-entity.js";

// Each library is its own chunk, fetched as soon as this page's code loads, beside the data.
const graphChunk = import("./graph.js");
const timelineChunk = import("./timeline.js");
const mapChunk = import("./movement-map.js");
const Graph = lazy(() => graphChunk);
const Timeline = lazy(() => timelineChunk);
const MovementMap = lazy(() => mapChunk);

const EXPORTS = [
  ["ads.csv", "exportAds"],
  ["contacts.csv", "exportContacts"],
  ["links.csv", "exportLinks"],
  ["graphml", "exportGraphml"],
  ["ftm", "exportFtm"],
] as const;

function Header({ detail, overview }: { detail: EntityDetail; overview: EntityOverview }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [watchId, setWatchId] = useState<string | undefined>();
  const path = `/v1/entities/${encodeURIComponent(detail.id)}`;
  const watch = () =>
    void api.post<{ id: string }>("/v1/watches", { kind: "entity", value: detail.id }).then((w) => setWatchId(w.id));
  return (
    <header className="entity-head">
      <h1>{t("entity.title", { layer: t(`entity.${detail.layer}`), id: detail.id })}</h1>
      <p className="meta">
        {t("entity.ads", { count: detail.adIds.length })} · {t("entity.countries")}:{" "}
        {countriesInOrder(stopsInOrder(detail)).join(" → ") || "—"}
        {overview.networkId && (
          <>
            {" · "}
            <Link to={`/entities/${encodeURIComponent(overview.networkId)}`}>
              {t("entity.network")} {overview.networkId}
            </Link>
          </>
        )}
      </p>
      <nav aria-label={t("entity.export")} className="exports">
        <span>{t("entity.export")}:</span>
        {EXPORTS.map(([format, label]) => (
          <a key={format} href={`${path}/export?format=${format}`} download>
            {t(`entity.${label}`)}
          </a>
        ))}
        <Link to={`/entities/${encodeURIComponent(detail.id)}/summary`}>{t("entity.summary")}</Link>
      </nav>
      {can("analyst") &&
        (watchId ? (
          <p role="status">{t("entity.watching", { id: watchId })}</p>
        ) : (
          <button type="button" onClick={watch}>
            {t("entity.watch")}
          </button>
        ))}
    </header>
  );
}

function Lineage({ overview }: { overview: EntityOverview }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="lineage-title">
      <h2 id="lineage-title">{t("entity.lineage")}</h2>
      <p data-testid="lineage">
        {overview.aliases.length > 0
          ? t("entity.aliases", { ids: overview.aliases.join(", ") })
          : t("entity.noLineage")}
      </p>
    </section>
  );
}

/** The network or persona: graph with evidence, contacts, photos, timeline, movement, lineage, decisions. */
export function EntityPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { detail, overview, error, reload } = useEntity(id);
  const [graphReady, setGraphReady] = useState(false);
  const graph = useMemo(() => (detail && overview ? buildGraph(detail, overview) : undefined), [detail, overview]);
  // The moment the page is usable (data shown, graph laid out): what the browser suite measures.
  const onReady = useCallback(() => {
    performance.mark("nexus:entity-interactive");
    setGraphReady(true);
  }, []);
  if (!detail || !overview || !graph) return <Status error={error} loading />;
  const stops = stopsInOrder(detail);
  const personas = overview.layer === "network" ? overview.personaIds : [];
  return (
    <article className="entity" data-ready={graphReady ? "true" : "false"} data-testid="entity">
      <Header detail={detail} overview={overview} />
      <section aria-labelledby="graph-title">
        <h2 id="graph-title">{t("entity.graph")}</h2>
        <p className="help">{t("entity.graphHelp")}</p>
        <Suspense fallback={<Status loading />}>
          <Graph nodes={graph.nodes} edges={graph.edges} onReady={onReady} />
        </Suspense>
      </section>
      {personas.length > 0 && (
        <section aria-labelledby="personas-title">
          <h2 id="personas-title">{t("entity.personas")}</h2>
          <ul className="inline-list">
            {personas.map((p) => (
              <li key={p}>
                <Link to={`/entities/${encodeURIComponent(p)}`}>{p}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="contacts-title">
        <h2 id="contacts-title">{t("entity.contacts")}</h2>
        <ContactsTable contacts={overview.contacts} />
      </section>
      <section aria-labelledby="movement-title">
        <h2 id="movement-title">{t("entity.movement")}</h2>
        <Suspense fallback={<Status loading />}>
          <MovementMap stops={stops} />
        </Suspense>
        <PlacesTable stops={stops} />
      </section>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("entity.timeline")}</h2>
        <Suspense fallback={<Status loading />}>
          <Timeline ads={overview.ads} />
        </Suspense>
      </section>
      <section aria-labelledby="gallery-title">
        <h2 id="gallery-title">{t("entity.gallery")}</h2>
        <ul className="gallery" data-testid="gallery">
          {detail.photos.slice(0, 60).map((photo) => (
            <li key={photo.pdq}>
              <Photo adId={photo.adIds[0] as string} index={0} />
              <span className="meta">{t("entity.ads", { count: photo.adIds.length })}</span>
            </li>
          ))}
        </ul>
      </section>
      <Lineage overview={overview} />
      <Decisions entityId={detail.id} decisions={overview.decisions} onDecided={reload} />
      <section aria-labelledby="links-title">
        <h2 id="links-title">{t("entity.links")}</h2>
        <LinksTable links={detail.links} />
      </section>
      <section aria-labelledby="ads-title">
        <h2 id="ads-title">{t("entity.adsTable")}</h2>
        <ol className="ads-list">
          {[...overview.ads]
            .sort((a, b) => (b.postedAt ?? "").localeCompare(a.postedAt ?? ""))
            .slice(0, 200)
            .map((ad) => (
              <li key={ad.id}>
                <Link to={`/ads/${encodeURIComponent(ad.id)}`}>{ad.title ?? ad.id}</Link>{" "}
                <span className="meta">
                  {formatDate(ad.postedAt)} · {[ad.city, ad.country].filter(Boolean).join(", ")}
                </span>
              </li>
            ))}
        </ol>
      </section>
    </article>
  );
}
