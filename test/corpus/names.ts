/**
 * Names and places. A persona's name is written several ways across its ads (accents dropped,
 * nicknames, diminutives, letter swaps), as advertisers do, so a resolver cannot rely on exact names;
 * the same first names recur across unrelated personas, so names alone must not link either.
 */
import type { Rng } from "./rng.js";

export const COUNTRIES = ["GT", "PA", "CO", "VE", "EC", "MX", "US"] as const;
export type CountryCode = (typeof COUNTRIES)[number];

/** Each name with the variants one person is advertised under. */
const SPANISH_NAMES: readonly (readonly string[])[] = [
  ["Sofía", "Sofia", "Sofi", "Sophie"],
  ["Valentina", "Vale", "Valen", "Valentyna"],
  ["Camila", "Cami", "Kamila", "Camy"],
  ["Isabella", "Isa", "Isabela", "Bella"],
  ["Mariana", "Mari", "Marianita", "Mariana ♥"],
  ["Daniela", "Dani", "Danny", "Daniella"],
  ["Gabriela", "Gaby", "Gabi", "Gabriella"],
  ["Lucía", "Lucia", "Lu", "Lucy"],
  ["Natalia", "Naty", "Nati", "Nathalia"],
  ["Andrea", "Andre", "Andy", "Andreita"],
  ["Paola", "Pao", "Paolita", "Paula"],
  ["Carolina", "Caro", "Karolina", "Carito"],
  ["Alejandra", "Ale", "Aleja", "Alejandrita"],
  ["Ximena", "Jimena", "Xime", "Jime"],
  ["Yessica", "Jessica", "Yessi", "Jessi"],
  ["Yuliana", "Juliana", "Yuli", "July"],
  ["Estefanía", "Estefania", "Stefany", "Tefi"],
  ["Karen", "Karencita", "Kary", "Caren"],
  ["Dayana", "Dayanna", "Daya", "Diana"],
  ["Fernanda", "Fer", "Ferchis", "Mafer"],
  ["Luciana", "Lu", "Lucianita", "Luchi"],
  ["Marisol", "Mari", "Sol", "Marysol"],
  ["Nicole", "Nicol", "Niki", "Nicolle"],
  ["Angélica", "Angelica", "Angie", "Anyi"],
  ["Milagros", "Mila", "Mili", "Milagritos"],
  ["Génesis", "Genesis", "Gene", "Yenesis"],
  ["Wendy", "Wendi", "Wen", "Wendyta"],
  ["Rosa", "Rosita", "Rosy", "Rossy"],
  ["Valeria", "Vale", "Valery", "Valerie"],
  ["Antonella", "Anto", "Antonela", "Nella"],
  ["Ashley", "Ashly", "Ash", "Ashlee"],
  ["Brenda", "Brendita", "Bren", "Brendy"],
];

const ENGLISH_NAMES: readonly (readonly string[])[] = [
  ["Jessica", "Jess", "Jessie", "Jezzy"],
  ["Ashley", "Ash", "Ashlee", "Ashleigh"],
  ["Brittany", "Britt", "Brittney", "Brit"],
  ["Amber", "Ambie", "Amba", "Amber Rose"],
  ["Samantha", "Sam", "Sammy", "Samanta"],
  ["Kimberly", "Kim", "Kimmy", "Kimberlee"],
  ["Nicole", "Nikki", "Nicky", "Nicolette"],
  ["Madison", "Maddie", "Maddy", "Madisyn"],
  ["Destiny", "Desi", "Destinee", "Dez"],
  ["Crystal", "Krystal", "Crys", "Chrystal"],
  ["Tiffany", "Tiff", "Tiffani", "Tiffy"],
  ["Heather", "Heath", "Heathy", "Hether"],
  ["Alexis", "Lexi", "Lexie", "Alexa"],
  ["Kayla", "Kay", "Kaylee", "Kaila"],
  ["Stephanie", "Steph", "Stefanie", "Stephy"],
  ["Monica", "Moni", "Mónica", "Monique"],
];

const CITIES: Readonly<Record<CountryCode, readonly string[]>> = {
  GT: ["Ciudad de Guatemala", "Mixco", "Villa Nueva", "Quetzaltenango", "Antigua Guatemala", "Escuintla"],
  PA: ["Ciudad de Panamá", "San Miguelito", "Colón", "David", "La Chorrera", "Santiago de Veraguas"],
  CO: ["Bogotá", "Medellín", "Cali", "Barranquilla", "Cartagena", "Bucaramanga", "Pereira"],
  VE: ["Caracas", "Maracaibo", "Valencia", "Barquisimeto", "Maracay", "Puerto La Cruz"],
  EC: ["Quito", "Guayaquil", "Cuenca", "Manta", "Machala", "Santo Domingo"],
  MX: ["Ciudad de México", "Guadalajara", "Monterrey", "Cancún", "Tijuana", "Puebla", "Mérida"],
  US: ["Miami", "Houston", "Los Angeles", "New York", "Orlando", "Dallas"],
};

const AREAS: Readonly<Record<CountryCode, readonly string[]>> = {
  GT: ["zona 10", "zona 9", "zona 4", "zona 15", "Carretera a El Salvador"],
  PA: ["El Cangrejo", "Obarrio", "Punta Paitilla", "Bella Vista", "Costa del Este"],
  CO: ["Chapinero", "El Poblado", "Laureles", "Usaquén", "Granada"],
  VE: ["Altamira", "Las Mercedes", "Chacao", "El Rosal", "La Castellana"],
  EC: ["La Carolina", "La Mariscal", "Urdesa", "Samborondón", "Cumbayá"],
  MX: ["Polanco", "la Condesa", "la Roma", "Zona Hotelera", "Providencia"],
  US: ["downtown", "the airport", "Midtown", "South Beach", "the Galleria"],
};

export function pickArea(rng: Rng, country: CountryCode): string {
  return rng.pick(AREAS[country]);
}

/** Demonyms used in "soy venezolana, nueva en la ciudad" lines. */
export const DEMONYMS: Readonly<Record<CountryCode, { es: string; en: string }>> = {
  GT: { es: "guatemalteca", en: "Guatemalan" },
  PA: { es: "panameña", en: "Panamanian" },
  CO: { es: "colombiana", en: "Colombian" },
  VE: { es: "venezolana", en: "Venezuelan" },
  EC: { es: "ecuatoriana", en: "Ecuadorian" },
  MX: { es: "mexicana", en: "Mexican" },
  US: { es: "americana", en: "American" },
};

export interface PersonaName {
  /** The canonical spelling, for debugging only. */
  canonical: string;
  variants: readonly string[];
}

export function pickName(rng: Rng, language: "es" | "en"): PersonaName {
  const pool = language === "en" && rng.chance(0.8) ? ENGLISH_NAMES : SPANISH_NAMES;
  const variants = rng.pick(pool);
  return { canonical: variants[0] as string, variants };
}

/** Mostly the main spelling, sometimes a variant, occasionally shouted or with a stage suffix. */
export function writeName(rng: Rng, name: PersonaName): string {
  const base = rng.chance(0.6) ? name.canonical : rng.pick(name.variants);
  const roll = rng.next();
  if (roll < 0.08) return base.toUpperCase();
  if (roll < 0.12) return `${base} VIP`;
  if (roll < 0.15) return `${base}💋`;
  return base;
}

export function citiesOf(country: CountryCode): readonly string[] {
  return CITIES[country];
}

export function pickCity(rng: Rng, country: CountryCode): string {
  // The capital dominates, as in real ad volumes.
  const cities = CITIES[country];
  return rng.chance(0.5) ? (cities[0] as string) : rng.pick(cities);
}
