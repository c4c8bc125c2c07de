/** English strings. Keys are shared with es.ts (the type of es is this object's). */
export const en = {
  app: { name: "Nexus", skip: "Skip to content", language: "Language", signedInAs: "Signed in as {{name}} ({{role}})", localMode: "Local mode (no keys)", signOut: "Sign out", loading: "Loading…", notFound: "Page not found", error: "Something went wrong: {{message}}" },
  nav: { search: "Search", why: "Why linked?", watches: "Watches & alerts", generics: "Generic values", settings: "Settings", main: "Main" },
  signIn: { title: "Sign in", key: "API key", submit: "Sign in", help: "Your API key is exchanged for a session; it is not stored in the browser.", failed: "Sign-in failed: {{message}}" },
  search: {
    title: "Search ads", query: "Words, \"phrases\" or a phone number", submit: "Search", results: "{{count}} ads", none: "No ads match.", filters: "Filters", country: "Country", city: "City", source: "Source", hasPhone: "Has a phone", any: "Any", from: "Posted from", to: "Posted to", clear: "Clear filters", entity: "Network {{id}}", noEntity: "No network yet", more: "More results", image: "Search by photo", imageHelp: "Drop a photo here, or choose a file", imageChoose: "Choose a photo", imageResults: "{{count}} ads with this photo", distance: "distance {{distance}}", facetCount: "{{value}} ({{count}})"
  },
  photo: { reveal: "Reveal photo", hide: "Blur photo", alt: "Photo {{n}} of ad {{id}}", none: "No photo" },
  ad: {
    title: "Ad {{id}}", posted: "Posted {{date}} in {{place}}", source: "Source: {{source}}", contacts: "Contacts found", obfuscated: "obfuscated: {{how}}", photos: "Photos", persona: "Persona", network: "Network", similar: "Similar ads", similarPhotos: "Same or edited photos", similarText: "Similar text", none: "None", why: "Compare with another ad", openNetwork: "Open network {{id}}", openPersona: "Open persona {{id}}", watchPhone: "Watch this phone", phone: "phone", email: "email", handle: "handle"
  },
  entity: {
    title: "{{layer}} {{id}}", network: "Network", persona: "Persona", ads: "{{count}} ads", graph: "Network graph", graphHelp: "Hover or select a link to see its evidence. The table below lists every link.", evidence: "Evidence", noEvidence: "Hover or select a link to see its evidence.", contacts: "Contacts", kind: "Kind", value: "Value", count: "Ads", firstSeen: "First seen", lastSeen: "Last seen", generic: "Generic", genericNote: "generic: not used as a link", gallery: "Photos", timeline: "Timeline", movement: "Places over time", place: "Place", lineage: "Merges and splits", aliases: "Merged from: {{ids}}", noLineage: "No merges recorded.", decisions: "Decisions", noDecisions: "No decisions yet.", decide: "Decide", mustLink: "Must link", cannotLink: "Cannot link", other: "Other ad or entity id", note: "Note", save: "Record decision", saved: "Decision recorded.", by: "{{kind}} {{a}} ↔ {{b}} by {{by}} on {{at}}", export: "Export", exportAds: "Ads (CSV)", exportContacts: "Contacts (CSV)", exportLinks: "Links with evidence (CSV)", exportGraphml: "Graph (GraphML, Gephi)", exportFtm: "FollowTheMoney (Aleph)", summary: "Printable case summary", personas: "Personas", links: "Links", score: "Score", watch: "Watch this entity", watching: "Watching (watch {{id}})", ad: "Ad", adsTable: "Ads", countries: "Countries"
  },
  why: { title: "Why are these ads linked?", a: "First ad id", b: "Second ad id", submit: "Explain", joined: "Joined in one {{layer}}", notJoined: "Not joined", step: "{{a}} ↔ {{b}} (score {{score}})" },
  watches: {
    title: "Watches", kind: "Kind", value: "Value", label: "Label (optional)", create: "Create watch", created: "Watch created.", list: "Active watches", none: "No watches yet.", delete: "Delete", deleted: "Watch deleted.", image: "Photo", kinds: { phone: "Phone", email: "Email", handle: "Handle", text: "Text", image: "Photo", entity: "Entity" }, alerts: "Live alerts", alertsHelp: "New alerts appear here as they are raised.", noAlerts: "No alerts yet.", alert: "{{kind}} alert on ad {{ad}}", openAd: "Open ad", openEntity: "Open network", live: "Live", connecting: "Connecting…", forbidden: "Watches need the analyst role."
  },
  generics: { title: "Generic values", help: "Values seen across too many unrelated ads (site numbers, stock photos, templates) are not used as links. Override a mistake here.", key: "Value", reason: "Reason", ads: "Ads", sources: "Sources", overridden: "Overridden", markSpecific: "Use as a link", markGeneric: "Mark generic", none: "No generic values.", done: "Override recorded." },
  settings: { title: "Settings", blur: "Blur photos until I reveal them", saved: "Settings saved.", save: "Save" },
  summary: { title: "Case summary: {{layer}} {{id}}", generated: "Generated {{date}} by {{name}}", print: "Print" }
};

export type Strings = typeof en;
