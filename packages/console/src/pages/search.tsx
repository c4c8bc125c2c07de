import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api, query } from "../api/client.js";
import type { AdHit, SearchResult } from "../api/types.js";
import { Snippet } from "../components/highlight.js";
import { Status } from "../components/layout.js";
import { Photo } from "../components/photo.js";
import { formatDate } from "../i18n.js";
import { useSession } from "../session.js";
import { ImageSearch } from "./image-search.js";

const FILTERS = ["country", "city", "source"] as const;
const PAGE = 20;

function Hit({ hit }: { hit: AdHit }) {
  const { t } = useTranslation();
  return (
    <li className="hit">
      <Photo adId={hit.id} index={0} />
      <div>
        <h3>
          <Link to={`/ads/${encodeURIComponent(hit.id)}`}>{hit.title ?? hit.id}</Link>
        </h3>
        <p className="meta">
          {[hit.city, hit.country].filter(Boolean).join(", ")} · {formatDate(hit.postedAt)} ·{" "}
          {hit.entityId ? (
            <Link to={`/entities/${encodeURIComponent(hit.entityId)}`}>{t("search.entity", { id: hit.entityId })}</Link>
          ) : (
            t("search.noEntity")
          )}
        </p>
        {hit.highlights.map((snippet) => (
          <p className="snippet" key={snippet}>
            <Snippet text={snippet} />
          </p>
        ))}
      </div>
    </li>
  );
}

function Facets({
  result,
  params,
  set,
}: {
  result: SearchResult;
  params: URLSearchParams;
  set: (k: string, v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <aside className="facets" aria-label={t("search.filters")}>
      <h2>{t("search.filters")}</h2>
      {FILTERS.map((field) => (
        <label key={field}>
          {t(`search.${field}`)}
          <select value={params.get(field) ?? ""} onChange={(e) => set(field, e.target.value)}>
            <option value="">{t("search.any")}</option>
            {(result.facets?.[field] ?? []).map((f) => (
              <option key={f.value} value={f.value}>
                {t("search.facetCount", { value: f.value, count: f.count })}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        <input
          type="checkbox"
          checked={params.get("hasPhone") === "true"}
          onChange={(e) => set("hasPhone", e.target.checked ? "true" : "")}
        />{" "}
        {t("search.hasPhone")}
      </label>
      <label>
        {t("search.from")}
        <input
          type="date"
          value={params.get("from")?.slice(0, 10) ?? ""}
          onChange={(e) => set("from", e.target.value ? `${e.target.value}T00:00:00Z` : "")}
        />
      </label>
      <label>
        {t("search.to")}
        <input
          type="date"
          value={params.get("to")?.slice(0, 10) ?? ""}
          onChange={(e) => set("to", e.target.value ? `${e.target.value}T23:59:59Z` : "")}
        />
      </label>
    </aside>
  );
}

/** Words, "phrases" or a phone typed any way; filters and facets live in the URL, so a search is a link. */
export function SearchPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get("q") ?? "");
  // The result remembers the query it answers, so the list never shows one query's hits under another's.
  const [result, setResult] = useState<(SearchResult & { q: string }) | undefined>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const [size, setSize] = useState(PAGE);
  const key = params.toString();

  useEffect(() => {
    const current = new URLSearchParams(key);
    if (!current.get("q") && !FILTERS.some((f) => current.get(f))) return;
    setLoading(true);
    const search = Object.fromEntries(current.entries());
    api
      .get<SearchResult>(`/v1/ads/search${query({ ...search, facets: "country,city,source", size })}`)
      .then((r) => {
        setResult({ ...r, q: current.get("q") ?? "" });
        setError(undefined);
      }, setError)
      .finally(() => setLoading(false));
  }, [key, size]);

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setSize(PAGE);
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set("q", text.trim());
  };
  return (
    <section>
      <h1>{t("search.title")}</h1>
      <search>
        <form onSubmit={submit} className="searchbar">
          <label htmlFor="q" className="visually-hidden">
            {t("search.query")}
          </label>
          <input
            id="q"
            type="search"
            value={text}
            placeholder={t("search.query")}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit">{t("search.submit")}</button>
        </form>
      </search>
      {can("analyst") && <ImageSearch />}
      <Status error={error} loading={loading} />
      {result && (
        <div className="results-layout">
          <Facets result={result} params={params} set={set} />
          <div>
            <p aria-live="polite" className="count">
              {t("search.results", { count: result.total })}
            </p>
            {result.hits.length === 0 ? (
              <p>{t("search.none")}</p>
            ) : (
              <ol className="hits" data-testid="hits" data-query={result.q}>
                {result.hits.map((hit) => (
                  <Hit key={hit.id} hit={hit} />
                ))}
              </ol>
            )}
            {result.total > result.hits.length && (
              <button type="button" onClick={() => setSize(size + PAGE)}>
                {t("search.more")}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
