/**
 * Things that recur across UNRELATED ads and must never glue networks together: every site prints
 * its own support number on each ad it hosts, sites and advertisers paste the same disclaimers and
 * copy-paste templates, stock photos are reused by many personas, and ads are full of digit runs
 * (prices, ages, measurements, dates, reference ids) that look like phone numbers to a naive reader.
 */
import type { CountryCode } from "./names.js";
import type { Phone, PhoneFactory } from "./phones.js";
import type { Rng } from "./rng.js";

export const CONFOUNDERS = {
  sitePhone: "site-phone",
  boilerplate: "boilerplate",
  sharedTemplate: "shared-template",
  stockPhoto: "stock-photo",
  digitDistractors: "digit-distractors",
  referenceId: "reference-id",
} as const;
export type Confounder = (typeof CONFOUNDERS)[keyof typeof CONFOUNDERS];

export interface Source {
  name: string;
  domain: string;
  /** Countries whose ads it hosts; regional sites host every country. */
  countries: readonly CountryCode[];
  supportPhone: Phone;
  /** Printed at the end of every ad the site hosts, with the support number in it. */
  footer: string;
  /** Whether the site stamps a numeric reference id on each ad. */
  printsReference: boolean;
}

const SOURCE_PLANS: readonly { name: string; countries: readonly CountryCode[]; home: CountryCode; footer: string }[] =
  [
    {
      name: "anunciosvip",
      countries: ["GT", "PA", "CO", "VE", "EC", "MX"],
      home: "PA",
      footer: "Publica tu anuncio en AnunciosVIP. Soporte y pagos por WhatsApp: {phone}",
    },
    {
      name: "citaslatinas",
      countries: ["GT", "PA", "CO", "VE", "EC", "MX", "US"],
      home: "CO",
      footer: "CitasLatinas.example | Atención al anunciante {phone} | Denuncias: abuso@citaslatinas.example",
    },
    {
      name: "chicasgt",
      countries: ["GT"],
      home: "GT",
      footer: "¿Quieres destacar tu anuncio? Llama al {phone} (lunes a viernes 8:00 a 17:00)",
    },
    {
      name: "panamaplacer",
      countries: ["PA"],
      home: "PA",
      footer: "Panamá Placer - anuncios clasificados. Info y publicidad: {phone}",
    },
    {
      name: "bogotaprive",
      countries: ["CO"],
      home: "CO",
      footer: "Sube tu anuncio TOP por solo $20.000. Línea de atención {phone}",
    },
    {
      name: "venecitas",
      countries: ["VE", "CO", "PA"],
      home: "VE",
      footer: "VeneCitas ©2026. Para publicidad escribe al {phone}",
    },
    { name: "ecuaencuentros", countries: ["EC"], home: "EC", footer: "EcuaEncuentros - soporte 24h: {phone}" },
    {
      name: "mexicoescorts",
      countries: ["MX"],
      home: "MX",
      footer: "MexicoEscorts.example – anúnciate: {phone}. Prohibido el contenido con menores.",
    },
    {
      name: "usclassifieds",
      countries: ["US"],
      home: "US",
      footer: "Post your ad today! Questions? Call or text {phone}. All models are 18+.",
    },
  ];

export function createSources(rng: Rng, phones: PhoneFactory): Source[] {
  return SOURCE_PLANS.map((plan) => {
    const supportPhone = phones.create(plan.home);
    // Regional sites print an international number; local ones often the national form.
    const written =
      plan.countries.length > 1 || rng.chance(0.5)
        ? supportPhone.internationalFormatted
        : supportPhone.nationalFormatted;
    return {
      name: plan.name,
      domain: `${plan.name}.example`,
      countries: plan.countries,
      supportPhone,
      footer: plan.footer.replace("{phone}", written),
      printsReference: rng.chance(0.6),
    };
  });
}

/** Disclaimers pasted by sites and advertisers alike, identical across unrelated ads. */
export const BOILERPLATE = {
  es: [
    "Anuncio verificado. Solo mayores de 18 años.",
    "Anuncio verificado. Solo mayores de 18 años. El sitio no se responsabiliza por el contenido publicado por los anunciantes.",
    "Este anuncio es publicado por una persona mayor de edad que ofrece compañía. No se aceptan menores.",
    "Todas las fotos son reales y recientes. 100% discreción garantizada.",
    "Importante: no pido adelantos ni depósitos. Cuidado con las estafas.",
  ],
  en: [
    "Verified ad. Adults 18+ only.",
    "All photos are real and recent. 100% discretion guaranteed.",
    "This ad is for companionship only. Anything else is a choice between consenting adults.",
    "Never send deposits in advance. Beware of scammers.",
  ],
} as const;

/** Copy-paste ad texts circulating between unrelated advertisers ({name}, {city} filled per ad). */
export const SHARED_TEMPLATES = {
  es: [
    "Hola caballeros, soy {name}, una chica muy cariñosa, complaciente y discreta, ideal para hombres que buscan pasar un momento agradable sin prisas. Atiendo en {city} en lugar privado, limpio y seguro. Trato de novios, besitos y mucha pasión. Llámame y no te arrepentirás.",
    "¿Buscas compañía? Soy {name}, recién llegada a {city}, educada, alegre y con ganas de conocerte. Me gusta consentir y ser consentida. Ambiente discreto, higiene total, solo caballeros respetuosos.",
    "Hermosa chica {name} disponible en {city}. Fotos 100% reales, sin engaños. Atención de lujo para caballeros exigentes. Hoteles, moteles y a domicilio.",
  ],
  en: [
    "Hi gentlemen, I'm {name}, a sweet and discreet girl visiting {city} for a few days only. Upscale, clean and safe incall. Real pictures, no rush, no games. Text me and you won't regret it.",
    "Looking for company? I'm {name}, new in {city}, friendly and classy. Outcall to hotels or private incall. Respectful gentlemen only.",
  ],
} as const;

export const STOCK_PHOTO_COUNT = 12;

/** Numbers that are not phones: prices, ages, measurements, heights, times, dates, zones. */
export function digitDistractors(rng: Rng, country: CountryCode, language: "es" | "en"): string[] {
  const price = formatPrice(rng, country);
  const options = [
    language === "es" ? `Tarifa: ${price} la hora` : `Rates: ${price} per hour`,
    language === "es"
      ? `medidas ${rng.int(86, 100)}-${rng.int(56, 66)}-${rng.int(88, 110)}`
      : `${rng.int(32, 38)}D-${rng.int(24, 28)}-${rng.int(34, 40)}`,
    language === "es"
      ? `mido 1.${rng.int(50, 78)} m, peso ${rng.int(48, 68)} kg`
      : `5'${rng.int(1, 9)}" ${rng.int(105, 150)} lbs`,
    language === "es"
      ? `horario de ${rng.int(8, 12)}:00 a ${rng.int(20, 23)}:${rng.pick(["00", "30"])}`
      : `available ${rng.int(9, 12)}am-${rng.int(9, 11)}pm`,
    `${rng.pick(["24/7", "24 horas", "lunes a sábado"])}`,
    country === "GT"
      ? `zona ${rng.int(1, 18)}`
      : country === "CO"
        ? `Calle ${rng.int(10, 140)} # ${rng.int(5, 90)}-${rng.int(10, 99)}`
        : `${rng.pick(language === "es" ? ["sector", "área", "local"] : ["suite", "room", "exit"])} ${rng.int(2, 40)}`,
    language === "es"
      ? `2 horas ${formatPrice(rng, country)}, toda la noche ${formatPrice(rng, country)}`
      : `2 hrs ${formatPrice(rng, country)}, overnight ${formatPrice(rng, country)}`,
  ];
  return rng.shuffle(options).slice(0, rng.int(1, 4));
}

function formatPrice(rng: Rng, country: CountryCode): string {
  switch (country) {
    case "GT":
      return `Q${rng.int(3, 15) * 100}`;
    case "CO":
      return rng.chance(0.5) ? `$${rng.int(10, 60) * 10}.000` : `${rng.int(100, 600)} mil pesos`;
    case "MX":
      return `$${rng.int(8, 40) * 100} MXN`;
    case "PA":
      return rng.chance(0.5) ? `B/.${rng.int(5, 30) * 10}` : `$${rng.int(5, 30) * 10}`;
    default:
      return rng.chance(0.5) ? `$${rng.int(4, 40) * 10}` : `${rng.int(4, 40) * 10} USD`;
  }
}

/** A site's numeric ad reference: a long digit run that is not a phone. */
export function referenceId(rng: Rng): string {
  return String(rng.int(10_000_000, 99_999_999)) + String(rng.int(10, 99));
}
