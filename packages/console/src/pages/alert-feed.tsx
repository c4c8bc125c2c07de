import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api, query } from "../api/client.js";
import type { Alert } from "../api/types.js";
import { formatDate } from "../i18n.js";

const SHOWN = 200;

/**
 * Alerts, newest first, updated live: the stored ones first, then an EventSource on the live feed
 * from the last seq seen (the session cookie authenticates it; EventSource cannot send headers).
 * The browser reconnects by itself and the API replays from Last-Event-ID.
 */
export function AlertFeed() {
  const { t } = useTranslation();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [live, setLive] = useState(false);
  useEffect(() => {
    let source: EventSource | undefined;
    let stopped = false;
    const add = (alert: Alert) =>
      setAlerts((current) => (current.some((a) => a.id === alert.id) ? current : [alert, ...current].slice(0, SHOWN)));
    void api.get<{ alerts: Alert[] }>(`/v1/alerts${query({ limit: 1000 })}`).then(({ alerts: stored }) => {
      if (stopped) return;
      setAlerts(stored.slice(-SHOWN).reverse());
      const last = stored[stored.length - 1];
      source = new EventSource(`/v1/alerts/stream${query({ afterSeq: last?.seq })}`);
      source.onopen = () => setLive(true);
      source.onerror = () => setLive(false);
      source.addEventListener("alert", (event) => add(JSON.parse((event as MessageEvent<string>).data) as Alert));
    });
    return () => {
      stopped = true;
      source?.close();
    };
  }, []);
  return (
    <section aria-labelledby="alerts-title">
      <h2 id="alerts-title">
        {t("watches.alerts")}{" "}
        <span className={`badge ${live ? "live" : ""}`}>{live ? t("watches.live") : t("watches.connecting")}</span>
      </h2>
      <p>{t("watches.alertsHelp")}</p>
      {alerts.length === 0 && <p>{t("watches.noAlerts")}</p>}
      <ol className="alerts" aria-live="polite" data-testid="alerts">
        {alerts.map((alert) => (
          <li key={alert.id}>
            <strong>
              {t("watches.alert", {
                kind: t(`watches.kinds.${alert.watchKind.startsWith("entity") ? "entity" : alert.watchKind}`),
                ad: alert.adId,
              })}
            </strong>{" "}
            <span className="meta">
              {alert.ad?.title ?? ""} · {[alert.ad?.city, alert.ad?.country].filter(Boolean).join(", ")} ·{" "}
              {formatDate(alert.raisedAt)}
            </span>{" "}
            <Link to={`/ads/${encodeURIComponent(alert.adId)}`}>{t("watches.openAd")}</Link>{" "}
            {alert.entityId && (
              <Link to={`/entities/${encodeURIComponent(alert.entityId)}`}>{t("watches.openEntity")}</Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
