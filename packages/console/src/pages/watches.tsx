import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../api/client.js";
import type { Watch } from "../api/types.js";
import { Status } from "../components/layout.js";
import { useSession } from "../session.js";
import { AlertFeed } from "./alert-feed.js";

const KINDS = ["phone", "email", "handle", "text", "image", "entity"] as const;
type Kind = (typeof KINDS)[number];

const base64Of = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

function WatchForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [kind, setKind] = useState<Kind>((params.get("kind") as Kind | null) ?? "phone");
  const [value, setValue] = useState(params.get("value") ?? "");
  const [label, setLabel] = useState("");
  const [file, setFile] = useState<File | undefined>();
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(false);
    try {
      const body =
        kind === "image"
          ? { kind, image: file ? await base64Of(file) : "", ...(label ? { label } : {}) }
          : { kind, value, ...(label ? { label } : {}) };
      await api.post("/v1/watches", body);
      setCreated(true);
      setError(undefined);
      setValue("");
      onCreated();
    } catch (thrown) {
      setError(thrown);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="inline-form" aria-labelledby="new-watch">
      <h2 id="new-watch">{t("watches.create")}</h2>
      <label>
        {t("watches.kind")}{" "}
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`watches.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {kind === "image" ? (
        <label>
          {t("watches.image")}{" "}
          <input type="file" accept="image/*" required onChange={(e) => setFile(e.target.files?.[0])} />
        </label>
      ) : (
        <label>
          {t("watches.value")} <input value={value} required onChange={(e) => setValue(e.target.value)} />
        </label>
      )}
      <label>
        {t("watches.label")} <input value={label} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <button type="submit">{t("watches.create")}</button>
      <Status error={error} />
      {created && <p role="status">{t("watches.created")}</p>}
    </form>
  );
}

/** Watches (create every kind, list, delete) beside the live alert feed. */
export function WatchesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [watches, setWatches] = useState<Watch[] | undefined>();
  const [error, setError] = useState<unknown>();
  const analyst = can("analyst");
  const load = useCallback(() => {
    if (analyst) api.get<{ watches: Watch[] }>("/v1/watches").then((r) => setWatches(r.watches), setError);
  }, [analyst]);
  useEffect(load, [load]);
  const remove = (id: string) => api.del(`/v1/watches/${encodeURIComponent(id)}`).then(load, setError);
  return (
    <section>
      <h1>{t("watches.title")}</h1>
      {analyst ? <WatchForm onCreated={load} /> : <p>{t("watches.forbidden")}</p>}
      <Status error={error} />
      {analyst && (
        <section aria-labelledby="watch-list">
          <h2 id="watch-list">{t("watches.list")}</h2>
          {watches?.length === 0 && <p>{t("watches.none")}</p>}
          <ul data-testid="watches">
            {watches?.map((watch) => (
              <li key={watch.id}>
                <strong>{t(`watches.kinds.${watch.kind}`)}</strong>{" "}
                <code>{watch.kind === "image" ? watch.value.slice(0, 16) : watch.value}</code>{" "}
                {watch.label && <em>{watch.label}</em>}{" "}
                <button
                  type="button"
                  onClick={() => void remove(watch.id)}
                  aria-label={`${t("watches.delete")} ${watch.label ?? watch.value}`}
                >
                  {t("watches.delete")}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <AlertFeed />
    </section>
  );
}
