/**
 * A 500-ad network, written as raw ads: ten personas (50 ads each, each with its own phone) run by a
 * controller whose five numbers each appear in about a quarter of the ads of four personas (a number on
 * more than 100 ads would be demoted as generic), advertising from Guatemala, then Mexico, then
 * the United States (cross-border movement). Text only, so it ingests in seconds. Deterministic.
 */
export const PERSONA_PHONE = "+50244120001";
export const PERSONA_PHONE_ADS = 50;
const CONTROLLER_PHONES = ["5550-1234", "5550-2345", "5550-3456", "5550-4567", "5550-5678"];

const ROUTE = [
  { country: "GT", city: "Ciudad de Guatemala", prefix: "+502", day: 0 },
  { country: "MX", city: "Tijuana", prefix: "+52", day: 30 },
  { country: "US", city: "Los Angeles", prefix: "+1", day: 60 },
] as const;

const NAMES = ["Valeria", "Camila", "Daniela", "Sofía", "Isabella", "Mariana", "Lucía", "Gabriela", "Paola", "Andrea"];
const PERSONA_PHONES = [
  "4412 0001",
  "4412 0002",
  "4412 0003",
  "4412 0004",
  "4412 0005",
  "4412 0006",
  "4412 0007",
  "4412 0008",
  "4412 0009",
  "4412 0010",
];

export interface RawFixtureAd {
  id: string;
  source: string;
  postedAt: string;
  title: string;
  body: string;
  country: string;
  city: string;
}

export function networkFixture(ads = 500): RawFixtureAd[] {
  const out: RawFixtureAd[] = [];
  for (let i = 0; i < ads; i++) {
    const persona = i % NAMES.length;
    const leg = ROUTE[Math.min(ROUTE.length - 1, Math.floor((i / ads) * ROUTE.length))] ?? ROUTE[0];
    const day = leg.day + (i % 28);
    const postedAt = new Date(Date.UTC(2026, 2, 1 + day, 10 + (i % 10), i % 60)).toISOString().replace(".000", "");
    const name = NAMES[persona] as string;
    const round = Math.floor(i / NAMES.length);
    const controller = CONTROLLER_PHONES[(persona + (Math.floor(round / 2) % 2)) % CONTROLLER_PHONES.length];
    const agency = round % 2 === 0 ? `Citas con la agencia: +502 ${controller}. ` : "";
    out.push({
      id: `netfix-${String(i).padStart(4, "0")}`,
      source: `fixture${i % 3}.example`,
      postedAt,
      title: `${name} nueva en ${leg.city} (${i})`,
      body:
        `Hola soy ${name}, recién llegada a ${leg.city}. Escríbeme al +502 ${PERSONA_PHONES[persona]}. ` +
        `${agency}Anuncio ${i} ref ${persona}-${day}.`,
      country: leg.country,
      city: leg.city,
    });
  }
  return out;
}

/** Ads whose only contact is a common site number: never linked together by it once it is generic. */
export function textOnlyAd(i: number): RawFixtureAd {
  return {
    id: `bulk-${String(i).padStart(6, "0")}`,
    source: `bulk${i % 7}.example`,
    postedAt: new Date(Date.UTC(2026, 0, 1 + (i % 300), i % 24)).toISOString().replace(".000", ""),
    title: `Anuncio ${i} masajes relajantes zona ${i % 20}`,
    body: `Masajes relajantes y terapéuticos, atención ${i % 2 ? "a domicilio" : "en hotel"}, zona ${i % 20}. Referencia ${i}.`,
    country: ["GT", "PA", "CO", "MX"][i % 4] as string,
    city: ["Mixco", "Colón", "Cali", "Puebla"][i % 4] as string,
  };
}
