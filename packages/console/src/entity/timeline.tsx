import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { AdSummary } from "../api/types.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const PALETTE = ["#1f6feb", "#c75d00", "#8e3b8c", "#1a7f37", "#d1242f", "#5b6b7f", "#9a6700"];

/** Ads per week (per day for short spans), stacked by country: when the entity advertised, and where. */
export function bucketAds(ads: readonly AdSummary[]): { labels: string[]; series: Map<string, number[]> } {
  const dated = ads.filter((ad) => ad.postedAt).map((ad) => ({ ad, day: (ad.postedAt as string).slice(0, 10) }));
  const days = dated.map((d) => d.day).sort();
  const spanDays =
    days.length > 1 ? (Date.parse(days[days.length - 1] as string) - Date.parse(days[0] as string)) / 86_400_000 : 0;
  const bucket = (day: string): string => {
    if (spanDays <= 45) return day;
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
    return date.toISOString().slice(0, 10);
  };
  const labels = [...new Set(dated.map((d) => bucket(d.day)))].sort();
  const series = new Map<string, number[]>();
  for (const { ad, day } of dated) {
    const country = ad.country ?? "?";
    const counts = series.get(country) ?? labels.map(() => 0);
    const at = labels.indexOf(bucket(day));
    counts[at] = (counts[at] ?? 0) + 1;
    series.set(country, counts);
  }
  return { labels, series };
}

export default function Timeline({ ads }: { ads: readonly AdSummary[] }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const { labels, series } = bucketAds(ads);
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: {
        labels,
        datasets: [...series].map(([country, data], i) => ({
          label: country,
          data,
          backgroundColor: PALETTE[i % PALETTE.length] as string,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
      },
    });
    return () => chart.destroy();
  }, [ads]);
  return (
    <div className="timeline">
      <canvas ref={canvas} role="img" aria-label={t("entity.timeline")} data-testid="timeline" />
    </div>
  );
}
