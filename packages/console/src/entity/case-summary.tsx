import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Status } from "../components/layout.js";
import { formatDate } from "../i18n.js";
import { useSession } from "../session.js";
import { stopsInOrder } from "./places.js";
import { ContactsTable, LinksTable, PlacesTable } from "./tables.js";
import { useEntity } from "./use-entity.js";

/** A printable case summary: no photos, no graph; contacts, places, decisions, links with evidence. */
export function CaseSummary() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { me } = useSession();
  const { detail, overview, error } = useEntity(id);
  if (!detail || !overview) return <Status error={error} loading />;
  return (
    <article className="case-summary" data-testid="case-summary">
      <h1>{t("summary.title", { layer: t(`entity.${detail.layer}`), id: detail.id })}</h1>
      <p className="meta">
        {t("summary.generated", { date: formatDate(new Date().toISOString()), name: me?.user.name ?? "" })}
      </p>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          {t("summary.print")}
        </button>{" "}
        <Link to={`/entities/${encodeURIComponent(detail.id)}`}>{t("entity.graph")}</Link>
      </p>
      <p>{t("entity.ads", { count: detail.adIds.length })}</p>
      <h2>{t("entity.contacts")}</h2>
      <ContactsTable contacts={overview.contacts} />
      <h2>{t("entity.movement")}</h2>
      <PlacesTable stops={stopsInOrder(detail)} />
      <h2>{t("entity.decisions")}</h2>
      <ul>
        {overview.decisions.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: decisions are listed in the order taken
          <li key={i}>
            {d.kind === "override" ? `${d.key} → ${d.mode}` : `${d.kind} ${d.a} ↔ ${d.b}`} · {d.by ?? "?"} ·{" "}
            {formatDate(d.at)}
          </li>
        ))}
      </ul>
      <h2>{t("entity.links")}</h2>
      <LinksTable links={detail.links} />
    </article>
  );
}
