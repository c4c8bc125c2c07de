import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api, query } from "../api/client.js";
import type { Explanation } from "../api/types.js";
import { Status } from "../components/layout.js";
import { LinkChain } from "../components/link-chain.js";

/** Any two ads: the chain of links that joins them with each link's evidence, or why they are not joined. */
export function WhyPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [a, setA] = useState(params.get("a") ?? "");
  const [b, setB] = useState(params.get("b") ?? "");
  const [result, setResult] = useState<Explanation | undefined>();
  const [error, setError] = useState<unknown>();
  const key = `${params.get("a") ?? ""}|${params.get("b") ?? ""}`;
  useEffect(() => {
    const [first, second] = key.split("|");
    if (!first || !second) return;
    setResult(undefined);
    api.get<Explanation>(`/v1/why${query({ a: first, b: second })}`).then((r) => {
      setResult(r);
      setError(undefined);
    }, setError);
  }, [key]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams({ a: a.trim(), b: b.trim() });
  };
  return (
    <section>
      <h1>{t("why.title")}</h1>
      <form onSubmit={submit} className="inline-form">
        <label>
          {t("why.a")} <input value={a} onChange={(e) => setA(e.target.value)} required />
        </label>
        <label>
          {t("why.b")} <input value={b} onChange={(e) => setB(e.target.value)} required />
        </label>
        <button type="submit">{t("why.submit")}</button>
      </form>
      <Status error={error} />
      {result && (
        <div data-testid="why-result">
          <h2>{result.joined ? t("why.joined", { layer: t(`entity.${result.layer}`) }) : t("why.notJoined")}</h2>
          <p>{result.reason}</p>
          <LinkChain links={result.path} />
        </div>
      )}
    </section>
  );
}
