import { useTranslation } from "react-i18next";
import type { ContactStat, EntityDetail } from "../api/types.js";
import { LinkChain } from "../components/link-chain.js";
import { formatDate } from "../i18n.js";
import type { Stop } from "./places.js";

export function ContactsTable({ contacts }: { contacts: readonly ContactStat[] }) {
  const { t } = useTranslation();
  return (
    <table data-testid="contacts">
      <caption className="visually-hidden">{t("entity.contacts")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("entity.kind")}</th>
          <th scope="col">{t("entity.value")}</th>
          <th scope="col">{t("entity.count")}</th>
          <th scope="col">{t("entity.firstSeen")}</th>
          <th scope="col">{t("entity.lastSeen")}</th>
        </tr>
      </thead>
      <tbody>
        {contacts.map((c) => (
          <tr key={c.key} className={c.generic ? "generic" : undefined}>
            <td>{c.kind}</td>
            <td>
              <code>{c.value}</code> {c.generic && <span className="badge generic">{t("entity.genericNote")}</span>}
            </td>
            <td>{c.ads}</td>
            <td>{formatDate(c.firstSeen)}</td>
            <td>{formatDate(c.lastSeen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PlacesTable({ stops }: { stops: readonly Stop[] }) {
  const { t } = useTranslation();
  return (
    <table data-testid="places">
      <caption className="visually-hidden">{t("entity.movement")}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t("entity.place")}</th>
          <th scope="col">{t("entity.count")}</th>
          <th scope="col">{t("entity.firstSeen")}</th>
          <th scope="col">{t("entity.lastSeen")}</th>
        </tr>
      </thead>
      <tbody>
        {stops.map((stop, i) => (
          <tr key={`${stop.country}/${stop.city}`}>
            <td>{i + 1}</td>
            <td>{[stop.city, stop.country].filter(Boolean).join(", ")}</td>
            <td>{stop.ads}</td>
            <td>{formatDate(stop.firstSeen)}</td>
            <td>{formatDate(stop.lastSeen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every link with its evidence: the graph's content for keyboards, screen readers and print. */
export function LinksTable({ links }: { links: EntityDetail["links"] }) {
  return <LinkChain links={links} testId="links" />;
}
