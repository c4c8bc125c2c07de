import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.js";
import { Status } from "../components/layout.js";
import { PhotoHits } from "../components/photo-hits.js";

interface ImageHits {
  hits: { id: string; distance: number }[];
}

/** Photo search by upload or drag-and-drop; the hits are shown as their photos, each with its ad. */
export function ImageSearch() {
  const { t } = useTranslation();
  const [hits, setHits] = useState<ImageHits["hits"] | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const send = (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    api
      .post<ImageHits>("/v1/images/search", file, file.type || "application/octet-stream")
      .then((r) => {
        setHits(r.hits);
        setError(undefined);
      }, setError)
      .finally(() => setBusy(false));
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    send(event.dataTransfer.files[0]);
  };
  return (
    <section className="image-search" aria-labelledby="image-search-title">
      <h2 id="image-search-title">{t("search.image")}</h2>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the file input inside is the keyboard's way in */}
      <div
        className={`dropzone${over ? " over" : ""}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <p>{t("search.imageHelp")}</p>
        <label className="file">
          {t("search.imageChoose")}
          <input type="file" accept="image/*" onChange={(e) => send(e.target.files?.[0])} />
        </label>
      </div>
      <Status error={error} loading={busy} />
      {hits && (
        <>
          <p aria-live="polite">{t("search.imageResults", { count: hits.length })}</p>
          <PhotoHits hits={hits} testId="image-hits" />
        </>
      )}
    </section>
  );
}
