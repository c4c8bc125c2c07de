/**
 * The issue 8 acceptance scenario, shared by the embedded and the Kafka end-to-end tests: one watch
 * of each kind, one ad that matches each watch and nothing else, and one ad that matches none.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { RawAd } from "@nexus/schemas";
import sharp from "sharp";
import { renderBasePhoto } from "../corpus/images.js";
import { createRng } from "../corpus/rng.js";

export type Kind = "phone" | "email" | "handle" | "image" | "text" | "entity";
export const KINDS: readonly Kind[] = ["phone", "email", "handle", "image", "text", "entity"];

export interface AlertScenario {
  /** Ingested first: the entity the entity watch watches. */
  readonly seedAd: RawAd;
  /** The watched photo, as the analyst has it. */
  readonly photoPath: string;
  /** What each watch is given (the entity watch takes the seed ad's entity id, known only after ingest). */
  readonly watchValues: Record<Exclude<Kind, "entity">, string>;
  readonly matching: Record<Kind, RawAd>;
  readonly unrelated: RawAd;
}

const ad = (id: string, body: string, extra: Partial<RawAd> = {}): RawAd => ({
  id,
  source: "e2e-site",
  country: "GT",
  city: "Quetzaltenango",
  body,
  ...extra,
});

/** Writes the photos under `dir` and returns the scenario; ad ids carry `tag` so runs never collide. */
export async function createAlertScenario(dir: string, tag: string): Promise<AlertScenario> {
  const rng = createRng(`alerts-${tag}`);
  const watched = await renderBasePhoto(rng, 640);
  const other = await renderBasePhoto(rng, 640);
  const raw = (photo: typeof watched) =>
    sharp(photo.pixels, { raw: { width: photo.width, height: photo.height, channels: 3 } });
  const photoPath = join(dir, "watched.png");
  await raw(watched).png().toFile(photoPath);
  // The re-post: mirrored and re-encoded, as a trafficker's copy of the photo would be.
  const repost = (await raw(watched).flop().jpeg({ quality: 70 }).toBuffer()).toString("base64");
  const unrelatedPhoto = (await raw(other).jpeg({ quality: 85 }).toBuffer()).toString("base64");
  const id = (name: string): string => `${tag}-${name}`;
  return {
    seedAd: ad(id("seed"), "Hola soy Carla, nueva en la ciudad, llámame al 5511 2233"),
    photoPath,
    watchValues: {
      phone: "+502 4477-8899",
      email: "Lucia.Perez@Example.com",
      handle: "instagram:@valeria.vip",
      image: photoPath,
      text: '"masaje tántrico" Quetzaltenango',
    },
    matching: {
      phone: ad(id("phone"), "Sofía 💋 cuatro cuatro siete siete 88 99, solo whatsapp"),
      email: ad(id("email"), "Lucía, fotos reales, escríbeme a lucia.perez@example.com o al 5533 1020"),
      handle: ad(id("handle"), "Valeria, sígueme en instagram @valeria.vip, cel 5533 4455"),
      image: ad(id("image"), "Andrea, trato de novios, tel 5566 7788", { images: [{ data: repost }] }),
      text: ad(id("text"), "Masaje tantrico en QUETZALTENANGO, pregunta por Dulce al 5577 0099"),
      entity: ad(id("entity"), "Carla otra vez, ahora en Xela, 5511 2233 y 5511 9090", { city: "Xela" }),
    },
    unrelated: ad(id("none"), "Bienvenidos, masajes relajantes, pregunten al 5599 0011", {
      images: [{ data: unrelatedPhoto }],
    }),
  };
}

/** The (watch label, ad id) pairs the scenario must raise: exactly these, each once. */
export function expectedPairs(scenario: AlertScenario): string[] {
  return KINDS.map((kind) => `${kind} ${scenario.matching[kind].id}`).sort();
}

export interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A webhook receiver on loopback that records every request and answers 204. */
export async function startWebhookReceiver(): Promise<{
  url: string;
  received: ReceivedWebhook[];
  close(): Promise<void>;
}> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/nexus`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const WEBHOOK_SECRET = "e2e-webhook-secret-0123456789";
