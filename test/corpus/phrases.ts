/**
 * The phrase bank ads are written from. Each section has several interchangeable wordings; a persona
 * (and often its whole network, whose controller writes the ads) settles on one and mostly keeps it.
 * Placeholders: {name} {age} {city} {demonym} {area}.
 */

export const SECTIONS = ["greeting", "intro", "looks", "services", "availability", "closing"] as const;
export type Section = (typeof SECTIONS)[number];

export type PhraseBank = Readonly<Record<Section, readonly string[]>>;

export const PHRASES: Readonly<Record<"es" | "en", PhraseBank>> = {
  es: {
    greeting: [
      "Hola amor",
      "Hola caballeros",
      "Hola mi rey",
      "Holaa papi",
      "Buenas noches guapo",
      "Hola bebé",
      "Hola cariño",
    ],
    intro: [
      "soy {name}, {demonym} de {age} años",
      "me llamo {name} y tengo {age} añitos",
      "{name} aquí, {age} años, recién llegada a {city}",
      "mi nombre es {name}, {demonym}, {age} años",
      "soy {name} tu nueva amiga en {city}, tengo {age}",
    ],
    looks: [
      "morena de piel canela, delgadita y coqueta",
      "rubia natural con ojos claros",
      "trigueña de cuerpo de modelo",
      "chica sencilla, tierna y muy cariñosa",
      "pelo largo, curvas hermosas y sonrisa encantadora",
      "petite, piel suave, muy femenina",
      "alta, elegante y con mucha clase",
    ],
    services: [
      "atiendo en hoteles y a domicilio",
      "tengo lugar propio, discreto y seguro",
      "salidas a hotel y motel",
      "atención sin prisas, trato de novios",
      "solo caballeros educados y limpios",
      "te atiendo en mi apartamento en {area}",
    ],
    availability: [
      "disponible todos los días",
      "disponible hoy",
      "por pocos días en {city}",
      "previa cita",
      "atiendo desde temprano hasta tarde",
    ],
    closing: [
      "Te espero 😘",
      "No te arrepentirás",
      "Besitos",
      "Escríbeme sin compromiso",
      "Te espero bebé 💋",
      "Agenda tu cita ya",
    ],
  },
  en: {
    greeting: ["Hey gentlemen", "Hi guys", "Hello love", "Hey there handsome", "Hi sweetie"],
    intro: [
      "I'm {name}, a {age} y/o {demonym} girl",
      "my name is {name}, {age} years young",
      "{name} here, {age}, new in {city}",
      "this is {name}, your new {demonym} friend in {city}",
    ],
    looks: [
      "petite brunette with a sweet smile",
      "tall, classy and elegant",
      "curvy latina with long hair",
      "slim and sexy with soft skin",
      "natural blonde with green eyes",
    ],
    services: [
      "incall and outcall available",
      "upscale private incall near {area}",
      "hotels and outcall only",
      "no rush, girlfriend experience",
      "respectful gentlemen only",
    ],
    availability: [
      "available now",
      "available 24/7",
      "in town for a few days only",
      "by appointment",
      "available today",
    ],
    closing: ["See you soon 😘", "You won't regret it", "Kisses", "Text me now", "Don't miss out 💋"],
  },
};

export const TITLES: Readonly<Record<"es" | "en", readonly string[]>> = {
  es: [
    "{name} {age} años 🔥 {city}",
    "NUEVA EN {city}!!! {name}",
    "{name}, {demonym} complaciente",
    "{demonym} recién llegada, {name}",
    "Hermosa {name} disponible hoy",
    "{name} 💋 atención VIP en {city}",
    "Chica nueva {name} {age}",
  ],
  en: [
    "{name} {age} 🔥 {city}",
    "NEW IN TOWN!!! {name}",
    "Sweet {demonym} {name}",
    "{name} available now",
    "Upscale {name} {age} - {city}",
  ],
};

export const CONTACT_LABELS: Readonly<Record<"es" | "en", readonly string[]>> = {
  es: ["WhatsApp:", "Escríbeme al", "Llámame al", "Cel", "Info al", "📲", "Contacto:", "WhatsApp y llamadas"],
  en: ["Text me:", "Call or text", "WhatsApp:", "📱", "Contact:"],
};

/** How an ad mentions the controller's number: a booker, a "friend", a reception line. */
export const CONTROLLER_LABELS: Readonly<Record<"es" | "en", readonly string[]>> = {
  es: ["Citas con mi asistente:", "Reservas:", "Agenda con mi amiga al", "Si no contesto llama al", "Recepción:"],
  en: ["Book with my assistant:", "Bookings:", "If I don't answer call", "Reception:"],
};

export const NO_PHONE_LINES: Readonly<Record<"es" | "en", readonly string[]>> = {
  es: ["Escríbeme por el chat del sitio", "Contáctame por mensaje privado", "Mi número por interno"],
  en: ["Message me through the site", "DM me here for my number"],
};

/** Personal details a persona keeps mentioning; drawn per persona so unrelated ads differ. */
export const DETAILS: Readonly<Record<"es" | "en", readonly string[]>> = {
  es: [
    "me encanta bailar salsa",
    "tengo un tatuaje en la espalda",
    "hablo inglés",
    "soy estudiante universitaria",
    "soy muy fiestera",
    "me gusta el buen vino",
    "tengo piercing en el ombligo",
    "soy nueva en esto",
    "me encantan los masajes relajantes",
    "soy muy conversadora",
    "tengo ojos color miel",
    "soy tímida al principio",
    "me gusta la lencería fina",
    "tengo pecas y cabello rizado",
    "soy deportista, voy al gym todos los días",
    "tengo acento paisa",
    "me encanta cocinar",
    "soy madre soltera y muy responsable",
    "tengo el pelo teñido de rojo",
    "uso lentes y me veo muy tierna",
    "soy fan del reguetón",
    "me gustan los hombres maduros",
    "acepto tarjeta y transferencia",
    "tengo carro propio",
    "viajo a otras ciudades",
    "hago videollamadas",
    "tengo un lunar en la mejilla",
    "me depilo completa",
  ],
  en: [
    "I love dancing",
    "I have a tattoo on my back",
    "I speak Spanish and English",
    "college girl",
    "I love good wine",
    "belly piercing",
    "new to this",
    "I give amazing massages",
    "hazel eyes",
    "a little shy at first",
    "freckles and curly hair",
    "gym girl, very fit",
    "I travel for dates",
    "I take cards and Cash App",
    "video calls available",
    "I love mature men",
  ],
};

export const EMOJI = ["🔥", "💋", "😘", "💕", "❤️", "🌹", "✨", "😈", "💦", "🍑", "👄", "💎"];

export const SYNONYMS: readonly (readonly [string, string])[] = [
  ["chica", "nena"],
  ["caballeros", "señores"],
  ["discreto", "reservado"],
  ["cariñosa", "amorosa"],
  ["hermosa", "linda"],
  ["disponible", "lista"],
  ["hotel", "hotl"],
  ["gentlemen", "gents"],
  ["available", "avail"],
  ["new", "brand new"],
];
