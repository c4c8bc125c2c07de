import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../api/client.js";
import type { AdDetail, AdHit } from "../api/types.js";
import { Status } from "../components/layout.js";
import { Photo } from "../components/photo.js";
import { PhotoHits } from "../components/photo-hits.js";
import { formatDate } from "../i18n.js";
import { contactMarks, MarkedText } from "./ad-text.js";

interface Similar {
  photos: { id: string; distance: number }[];
  text: AdHit[];
}

function SimilarAds({ similar }: { similar: Similar }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="similar-title">
      <h2 id="similar-title">{t("ad.similar")}</h2>
      <h3>{t("ad.similarPhotos")}</h3>
      {similar.photos.length === 0 ? (
        <p>{t("ad.none")}</p>
      ) : (
        <PhotoHits hits={similar.photos} testId="similar-photos" />
      )}
      <h3>{t("ad.similarText")}</h3>
      {similar.text.length === 0 ? (
        <p>{t("ad.none")}</p>
      ) : (
        <ul data-testid="similar-text">
          {similar.text.map((hit) => (
            <li key={hit.id}>
              <Link to={`/ads/${encodeURIComponent(hit.id)}`}>{hit.title ?? hit.id}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One ad: its text with the contacts found marked in place (obfuscated ones too), photos, entity, similar ads. */
export function AdPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [detail, setDetail] = useState<AdDetail | undefined>();
  const [similar, setSimilar] = useState<Similar | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    setDetail(undefined);
    setSimilar(undefined);
    api.get<AdDetail>(`/v1/ads/${encodeURIComponent(id)}`).then(setDetail, setError);
    api.get<Similar>(`/v1/ads/${encodeURIComponent(id)}/similar`).then(setSimilar, () => undefined);
  }, [id]);
  if (!detail) return <Status error={error} loading />;
  const { ad: raw, extraction, images } = detail.ad;
  const marks = contactMarks(extraction, (how) => t("ad.obfuscated", { how: how.join(", ") }));
  const bodyOffset = raw.title ? raw.title.length + 1 : 0;
  const place = [raw.city, raw.country].filter(Boolean).join(", ");
  return (
    <article className="ad">
      <h1>{raw.title ? <MarkedText text={raw.title} offset={0} marks={marks} /> : t("ad.title", { id: raw.id })}</h1>
      <p className="meta">
        {t("ad.posted", { date: formatDate(raw.postedAt), place: place || "—" })} ·{" "}
        {t("ad.source", { source: raw.source })} · <code>{raw.id}</code>
      </p>
      <p className="ad-body" data-testid="ad-body">
        <MarkedText text={raw.body} offset={bodyOffset} marks={marks} />
      </p>
      <section aria-labelledby="contacts-title">
        <h2 id="contacts-title">{t("ad.contacts")}</h2>
        <ul data-testid="ad-contacts">
          {marks.map((mark) => (
            <li key={mark.start}>
              {t(`ad.${mark.kind}`)}: <strong>{mark.label}</strong>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="photos-title">
        <h2 id="photos-title">{t("ad.photos")}</h2>
        {images.length === 0 && <p>{t("photo.none")}</p>}
        <ul className="gallery">
          {images.map((image) => (
            <li key={image.index}>
              <Photo adId={raw.id} index={image.index} size="full" />
            </li>
          ))}
        </ul>
      </section>
      <p>
        {detail.personaId && (
          <Link to={`/entities/${encodeURIComponent(detail.personaId)}`}>
            {t("ad.openPersona", { id: detail.personaId })}
          </Link>
        )}{" "}
        {detail.entityId && (
          <Link to={`/entities/${encodeURIComponent(detail.entityId)}`}>
            {t("ad.openNetwork", { id: detail.entityId })}
          </Link>
        )}{" "}
        <Link to={`/why?a=${encodeURIComponent(raw.id)}`}>{t("ad.why")}</Link>
      </p>
      {similar && <SimilarAds similar={similar} />}
    </article>
  );
}
