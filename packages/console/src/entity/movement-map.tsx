import { geoCentroid, geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { CITY_COORDINATES, COUNTRY_NUMERIC } from "./gazetteer.js";
import type { Stop } from "./places.js";

const WIDTH = 640;
const HEIGHT = 400;

type Countries = FeatureCollection<Geometry, { name: string }>;

/** What the map frames: the stops, or 5° around a single one. */
function focusOf(coordinates: [number, number][]): Feature {
  const [only] = coordinates;
  const framed =
    coordinates.length === 1 && only
      ? [[only[0] - 5, only[1] - 5] as [number, number], [only[0] + 5, only[1] + 5] as [number, number]]
      : coordinates;
  return { type: "Feature", properties: {}, geometry: { type: "MultiPoint", coordinates: framed } };
}

function locate(stop: Stop, countries: Countries): [number, number] | undefined {
  const known = CITY_COORDINATES[`${stop.country ?? ""}/${stop.city}`];
  if (known) return [known[1], known[0]];
  const shape = countries.features.find((f) => f.id === COUNTRY_NUMERIC[stop.country ?? ""]);
  return shape ? (geoCentroid(shape) as [number, number]) : undefined;
}

/**
 * The places an entity advertised in, drawn on country boundaries (Natural Earth via world-atlas,
 * no tile server), numbered in the order they first appeared and joined by the path between them.
 */
export default function MovementMap({ stops }: { stops: readonly Stop[] }) {
  const { t } = useTranslation();
  const [countries, setCountries] = useState<Countries | undefined>();
  useEffect(() => {
    void import("world-atlas/countries-110m.json").then((module) => {
      const topology = module.default as unknown as Topology;
      setCountries(feature(topology, topology.objects["countries"] as never) as unknown as Countries);
    });
  }, []);
  if (!countries) return <p>{t("app.loading")}</p>;
  const points = stops.map((stop) => ({ stop, at: locate(stop, countries) })).filter((p) => p.at !== undefined);
  const visited = new Set(stops.map((s) => COUNTRY_NUMERIC[s.country ?? ""]).filter(Boolean));
  const projection = geoMercator();
  if (points.length > 0)
    projection.fitExtent(
      [
        [60, 60],
        [WIDTH - 60, HEIGHT - 60],
      ],
      focusOf(points.map((p) => p.at as [number, number])),
    );
  const path = geoPath(projection);
  const xy = points.map((p) => projection(p.at as [number, number]) ?? [0, 0]);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="map"
      role="img"
      aria-label={t("entity.movement")}
      data-testid="movement-map"
    >
      <rect width={WIDTH} height={HEIGHT} className="sea" />
      {countries.features.map((country) => (
        <path
          key={String(country.id)}
          d={path(country) ?? ""}
          className={visited.has(String(country.id)) ? "country visited" : "country"}
        >
          <title>{country.properties.name}</title>
        </path>
      ))}
      {xy.length > 1 && <polyline points={xy.map(([x, y]) => `${x},${y}`).join(" ")} className="route" />}
      {xy.map(([x, y], i) => (
        <g key={`${points[i]?.stop.country}/${points[i]?.stop.city}`} transform={`translate(${x},${y})`}>
          <circle r={9} className="stop" />
          <text textAnchor="middle" dy="0.35em" className="stop-number">
            {i + 1}
          </text>
          <title>{`${i + 1}. ${points[i]?.stop.city}, ${points[i]?.stop.country ?? ""}`}</title>
        </g>
      ))}
    </svg>
  );
}
