import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PairLink } from "../api/types.js";

export function EvidenceList({ link }: { link: PairLink }) {
  return (
    <ul className="evidence">
      {link.evidence.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: evidence items are positional
        <li key={i} className={e.weight < 0 ? "against" : "for"}>
          <strong>{e.kind}</strong> {e.value ?? ""}{" "}
          <span className="meta">
            ({e.weight >= 0 ? "+" : ""}
            {e.weight.toFixed(1)})
          </span>
          {e.detail ? ` — ${e.detail}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** Links between ads, each with its score and evidence: a why chain, or an entity's links as text. */
export function LinkChain({ links, testId }: { links: readonly PairLink[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <ol className="chain" data-testid={testId}>
      {links.map((link) => (
        <li key={`${link.a}|${link.b}`}>
          <Link to={`/ads/${encodeURIComponent(link.a)}`}>{link.a}</Link> ↔{" "}
          <Link to={`/ads/${encodeURIComponent(link.b)}`}>{link.b}</Link>{" "}
          <span className="meta">
            ({t("entity.score")} {link.score.toFixed(1)})
          </span>
          <EvidenceList link={link} />
        </li>
      ))}
    </ol>
  );
}
