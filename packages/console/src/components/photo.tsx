import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../session.js";

/**
 * An ad's photo, always from the API (never the site it was scraped from), blurred until the
 * analyst reveals it unless they turned blurring off in their settings.
 */
export function Photo({ adId, index, size = "thumb" }: { adId: string; index: number; size?: "thumb" | "full" }) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const [revealed, setRevealed] = useState(false);
  const [failed, setFailed] = useState(false);
  const blurred = settings.blurPhotos && !revealed;
  if (failed) return <span className="photo missing">{t("photo.none")}</span>;
  return (
    <span className={`photo ${size}`}>
      <img
        src={`/v1/ads/${encodeURIComponent(adId)}/photos/${index}?size=${size}`}
        alt={t("photo.alt", { n: index + 1, id: adId })}
        className={blurred ? "blurred" : undefined}
        loading="lazy"
        onError={() => setFailed(true)}
      />
      {settings.blurPhotos && (
        <button type="button" className="reveal" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
          {revealed ? t("photo.hide") : t("photo.reveal")}
        </button>
      )}
    </span>
  );
}
