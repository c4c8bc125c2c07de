import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Photo } from "./photo.js";

/** Ads found by a photo, shown as their photos, each with a link to its ad and the PDQ distance. */
export function PhotoHits({ hits, testId }: { hits: readonly { id: string; distance: number }[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="gallery" data-testid={testId}>
      {hits.map((hit) => (
        <li key={hit.id}>
          <Photo adId={hit.id} index={0} />
          <Link to={`/ads/${encodeURIComponent(hit.id)}`}>{hit.id}</Link>{" "}
          <span className="meta">{t("search.distance", { distance: hit.distance })}</span>
        </li>
      ))}
    </ul>
  );
}
