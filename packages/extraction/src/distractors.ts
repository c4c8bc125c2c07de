/**
 * Numbers that are not phones: measurements, heights, dates, times, zones, addresses and
 * reference ids. Each pattern is linear (no nested quantifiers) and runs on the folded text;
 * the digits it covers are masked out of phone scanning.
 */

// A word boundary before a keyword, written as a consumed character rather than a lookbehind: a
// leading lookbehind keeps the regex engine from skipping ahead to the keyword's first letters
// (about 3x slower here). Masking that one extra separator is harmless.
const B = "(?:^|[^a-z0-9])";

const DISTRACTORS: readonly RegExp[] = [
  // 90-60-90 and "medidas 90 60 90"
  /(?<!\d[-/.]|\d)(?:[6-9]\d|1[0-3]\d) ?[-/x*] ?(?:[4-9]\d) ?[-/x*] ?(?:[6-9]\d|1[0-4]\d)(?!\d| ?[-/.*] ?\d)/g,
  new RegExp(
    `${B}(?:medidas|measurements|figura|busto|cintura|cadera)[: ]{0,3}\\d{2,3}\\D{1,3}\\d{2,3}(?:\\D{1,3}\\d{2,3})?`,
    "g",
  ),
  // heights and body sizes
  /(?<![\d.,])[12][.,]\d{2}(?![\d.,])/g,
  /(?<!\d)\d{1,3} ?(?:cm|cms|kg|kgs|kilos|lbs|libras|lb|mts|metros|pounds|inches)(?![a-z])/g,
  /(?<!\d)[4-6] ?(?:'|ft|pies) ?\d{1,2}(?!\d)/g,
  // dates
  /(?<!\d ?[-/.] ?|\d)(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|[12]\d|3[01])[/.-](?:\d{4}|\d{2})(?!\d| ?[-/.] ?\d)/g,
  /(?<!\d)(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2}(?!\d)/g,
  // "2016 06 17" (a posting date written with spaces), unless more digits follow as one number would
  /(?<!\d[ ./-]?)(?:19|20)\d{2} (?:0?[1-9]|1[0-2]) (?:0?[1-9]|[12]\d|3[01])(?![ ./-]?\d)/g,
  /(?<!\d)\d{1,2} (?:de )?(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|january|february|march|april|june|july|august|september|october|november|december)(?: (?:de |del )?\d{4})?/g,
  // times
  /(?<!\d)\d{1,2} ?[:h] ?\d{2} ?(?:am|pm|a\.m\.|p\.m\.|hrs|hs|h)?(?![a-z\d])/g,
  /(?<!\d)\d{1,2}\.\d{2} ?(?:am|pm|a\.m\.|p\.m\.|hrs|hs|h)(?![a-z\d])/g,
  /(?<!\d)\d{1,2} ?(?:am|pm|a\.m\.|p\.m\.|hrs|horas|hs|h|hours|hr|hora)(?![a-z])/g,
  /(?<!\d)24 ?\/ ?7(?!\d)/g,
  // zones, addresses, postal codes
  new RegExp(`${B}(?:zona|zone|z\\.) ?\\d{1,2}(?!\\d)`, "g"),
  new RegExp(
    `${B}(?:calle|avenida|av|ave|carrera|cra|cr|cll|cl|diagonal|diag|transversal|tv|blvd|bulevar|boulevard|street|st|km|kilometro|casa|apto|apt|apartamento|local|edificio|torre|piso|oficina|lote|manzana|mz|suite|colonia|col|sector)\\.? ?#? ?\\d{1,4}[a-z]?(?: ?(?:-|#|no\\.?) ?\\d{1,4}[a-z]?){0,2}(?!\\d)`,
    "g",
  ),
  /(?<!\d)\d{1,4}[a-z]? ?(?:-|#) ?\d{1,3} ?(?:-|#)? ?(?:zona|zone|z\.) ?\d{1,2}/g,
  new RegExp(`${B}(?:cp|c\\.p\\.|codigo postal|zip|postal)[: ]{0,2}\\d{4,6}(?!\\d)`, "g"),
  // reference ids, counts, percentages
  new RegExp(
    `${B}(?:ref|referencia|id|codigo|cod|anuncio|aviso|folio|clave|listing|ad id|ref no|post id|nit|dpi|ruc|cedula|ci|rif|curp|rfc|dni|pasaporte|passport|ssn|cui|cuenta|cta|account|acct|tarjeta|card|clabe|iban|tracking|order|pedido|camara de comercio)(?![a-z])\\.?[ :#]{0,3}(?:no\\.? ?|nro\\.? ?|n. ?|de ?)?[a-z]{0,3}-?\\d(?:[\\d-]| (?=\\d)){2,}`,
    "g",
  ),
  // bank accounts: "Banrural 3012345678", "banco: 0134 5678 ..."
  new RegExp(
    `${B}(?:banco|bank|banrural|bancolombia|banesco|bbva|banorte|banamex|davivienda|mercantil|pichincha|santander|bac)(?![a-z])[ :#]{0,3}(?:[a-z]{1,12} ){0,2}\\d(?:[\\d-]| (?=\\d)){5,}`,
    "g",
  ),
  /#\d{5,}/g,
  /(?<!\d)\d{1,3} ?%/g,
  /(?<![a-z\d])(?:x ?\d{1,2}|\d{1,2} ?x ?\d{1,2})(?![a-z\d])/g,
];

// Every distractor has digits, with at most this much text before its first digit (a bank's name
// and two words) or after its last ("a.m.", a year): the patterns run only on windows around digits.
const CONTEXT_BEFORE = 48;
const CONTEXT_AFTER = 24;

function isSpace(code: number): boolean {
  return code === 32 || code === 10;
}

/**
 * Ranges of the text around its digits, merged, each starting and ending at a space: outside them no
 * pattern can match, and inside them a pattern sees what it would see in the whole text.
 */
function digitWindows(text: string): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) continue;
    let from = Math.max(0, i - CONTEXT_BEFORE);
    while (from > 0 && !isSpace(text.charCodeAt(from - 1))) from--;
    let to = Math.min(text.length, i + 1 + CONTEXT_AFTER);
    while (to < text.length && !isSpace(text.charCodeAt(to))) to++;
    const last = windows[windows.length - 1];
    if (last && from <= last[1] + CONTEXT_AFTER) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
    i = Math.max(to - 1 - CONTEXT_AFTER, i);
  }
  return windows;
}

/** Marks with 1 every folded character covered by a distractor (or by `extra` ranges). */
export function maskDistractors(text: string, extra: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const [from, to] of extra) mask.fill(1, from, to);
  for (const [from, to] of digitWindows(text)) {
    const window = from === 0 && to === text.length ? text : text.slice(from, to);
    for (const re of DISTRACTORS) {
      re.lastIndex = 0;
      for (let m = re.exec(window); m !== null; m = re.exec(window))
        mask.fill(1, from + m.index, from + m.index + m[0].length);
    }
  }
  return mask;
}
