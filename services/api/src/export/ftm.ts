import { describeEvidence, type EvidenceBundle } from "./evidence.js";

interface FtmEntity {
  readonly id: string;
  readonly schema: string;
  readonly properties: Record<string, string[]>;
}

const values = (...items: (string | undefined)[]): string[] => items.filter((v): v is string => Boolean(v));

/**
 * FollowTheMoney entities, one JSON object per line, for Aleph (`ftm` / `alephclient write-entities`):
 * the network as an Organization, its personas as Persons (Membership), each ad as a HyperText
 * page tied to its persona, and each evidence link as an UnknownLink whose summary is the evidence.
 * Generic contacts are left out of the phone/email properties.
 */
export function entityFtm(bundle: EvidenceBundle): string {
  const { overview, detail } = bundle;
  const ns = (kind: string, id: string): string => `nexus-${kind}-${id}`;
  const specific = overview.contacts.filter((c) => !c.generic);
  const contactsOf = (kind: "phone" | "email", adIds: ReadonlySet<string> | undefined) =>
    specific
      .filter((c) => c.kind === kind)
      .filter((c) => !adIds || overview.ads.some((ad) => adIds.has(ad.id) && ad.contacts.includes(c.key)))
      .map((c) => c.value);
  const top: FtmEntity = {
    id: ns(overview.layer, overview.id),
    schema: overview.layer === "network" ? "Organization" : "Person",
    properties: {
      name: [`${overview.layer} ${overview.id}`],
      phone: contactsOf("phone", undefined),
      email: contactsOf("email", undefined),
    },
  };
  const entities: FtmEntity[] = [top];
  for (const personaId of overview.layer === "network" ? overview.personaIds : []) {
    const adIds = new Set(overview.ads.filter((ad) => ad.personaId === personaId).map((ad) => ad.id));
    entities.push({
      id: ns("persona", personaId),
      schema: "Person",
      properties: {
        name: [`persona ${personaId}`],
        phone: contactsOf("phone", adIds),
        email: contactsOf("email", adIds),
      },
    });
    entities.push({
      id: ns("membership", `${overview.id}-${personaId}`),
      schema: "Membership",
      properties: { member: [ns("persona", personaId)], organization: [top.id] },
    });
  }
  for (const ad of overview.ads) {
    const text = bundle.adText.get(ad.id);
    entities.push({
      id: ns("ad", ad.id),
      schema: "HyperText",
      properties: {
        title: values(ad.title ?? ad.id),
        sourceUrl: values(text?.url),
        publishedAt: values(ad.postedAt),
        country: values(ad.country?.toLowerCase()),
        bodyText: values(text?.body),
        phoneMentioned: ad.contacts.filter((k) => k.startsWith("phone:")).map((k) => k.slice(6)),
      },
    });
    const owner = ad.personaId && overview.layer === "network" ? ns("persona", ad.personaId) : top.id;
    entities.push({
      id: ns("posted", ad.id),
      schema: "UnknownLink",
      properties: { subject: [owner], object: [ns("ad", ad.id)], role: ["advertised in"] },
    });
  }
  for (const link of detail.links) {
    entities.push({
      id: ns("link", `${link.a}-${link.b}`),
      schema: "UnknownLink",
      properties: {
        subject: [ns("ad", link.a)],
        object: [ns("ad", link.b)],
        role: [`linked (${link.layer}, score ${link.score.toFixed(1)})`],
        summary: [describeEvidence(link)],
      },
    });
  }
  return `${entities.map((e) => JSON.stringify(e)).join("\n")}\n`;
}
