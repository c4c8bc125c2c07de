import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.js";
import type { GenericDemotion } from "../api/types.js";
import { Status } from "../components/layout.js";
import { useSession } from "../session.js";

/** The values kept from linking, why, and an override for the analyst who knows better. */
export function GenericsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [generics, setGenerics] = useState<GenericDemotion[] | undefined>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const load = useCallback(() => {
    api.get<{ generics: GenericDemotion[] }>("/v1/generics").then((r) => setGenerics(r.generics), setError);
  }, []);
  useEffect(load, [load]);
  const override = (key: string, mode: "generic" | "specific") => {
    setDone(false);
    api.post("/v1/generics", { key, mode }).then(() => {
      setDone(true);
      load();
    }, setError);
  };
  return (
    <section>
      <h1>{t("generics.title")}</h1>
      <p>{t("generics.help")}</p>
      <Status error={error} loading={!generics && !error} />
      {done && <p role="status">{t("generics.done")}</p>}
      {generics && generics.length === 0 && <p>{t("generics.none")}</p>}
      {generics && generics.length > 0 && (
        <table data-testid="generics">
          <thead>
            <tr>
              <th scope="col">{t("generics.key")}</th>
              <th scope="col">{t("generics.reason")}</th>
              <th scope="col">{t("generics.ads")}</th>
              <th scope="col">{t("generics.sources")}</th>
              <th scope="col">{t("generics.overridden")}</th>
              {can("analyst") && <td />}
            </tr>
          </thead>
          <tbody>
            {generics.map((g) => (
              <tr key={g.key}>
                <td>
                  <code>{g.key.length > 60 ? `${g.key.slice(0, 60)}…` : g.key}</code>
                </td>
                <td>{g.reason}</td>
                <td>{g.distinctAds}</td>
                <td>{g.distinctSources}</td>
                <td>{g.overridden ? "✓" : ""}</td>
                {can("analyst") && (
                  <td>
                    <button type="button" onClick={() => override(g.key, g.overridden ? "generic" : "specific")}>
                      {g.overridden ? t("generics.markGeneric") : t("generics.markSpecific")}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
