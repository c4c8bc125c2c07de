import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.js";
import type { DecisionRecord } from "../api/types.js";
import { Status } from "../components/layout.js";
import { formatDate } from "../i18n.js";
import { useSession } from "../session.js";

/** The decisions about this entity (who, when) and, for analysts, a form to record a new one. */
export function Decisions({
  entityId,
  decisions,
  onDecided,
}: {
  entityId: string;
  decisions: readonly DecisionRecord[];
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [kind, setKind] = useState<"must-link" | "cannot-link">("must-link");
  const [other, setOther] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    api.post("/v1/decisions", { kind, a: entityId, b: other.trim(), ...(note ? { note } : {}) }).then(() => {
      setSaved(true);
      setError(undefined);
      setOther("");
      setNote("");
      onDecided();
    }, setError);
  };
  return (
    <section aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t("entity.decisions")}</h2>
      {decisions.length === 0 ? (
        <p>{t("entity.noDecisions")}</p>
      ) : (
        <ul data-testid="decisions">
          {decisions.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: decisions are listed in the order taken
            <li key={i}>
              {d.kind === "override"
                ? `${d.key} → ${d.mode} · ${d.by ?? "?"} · ${formatDate(d.at)}`
                : t("entity.by", { kind: d.kind, a: d.a, b: d.b, by: d.by ?? "?", at: formatDate(d.at) })}
              {d.note && <em> — {d.note}</em>}
            </li>
          ))}
        </ul>
      )}
      {can("analyst") && (
        <form onSubmit={submit} className="inline-form" aria-label={t("entity.decide")}>
          <fieldset>
            <legend>{t("entity.decide")}</legend>
            <label>
              <input
                type="radio"
                name="decision-kind"
                checked={kind === "must-link"}
                onChange={() => setKind("must-link")}
              />{" "}
              {t("entity.mustLink")}
            </label>
            <label>
              <input
                type="radio"
                name="decision-kind"
                checked={kind === "cannot-link"}
                onChange={() => setKind("cannot-link")}
              />{" "}
              {t("entity.cannotLink")}
            </label>
          </fieldset>
          <label>
            {t("entity.other")} <input value={other} required onChange={(e) => setOther(e.target.value)} />
          </label>
          <label>
            {t("entity.note")} <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit">{t("entity.save")}</button>
          <Status error={error} />
          {saved && <p role="status">{t("entity.saved")}</p>}
        </form>
      )}
    </section>
  );
}
