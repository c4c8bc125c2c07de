/** Three raw ads: a1 and a2 share an obfuscated Guatemalan phone, a3 stands apart. */
export const ADS = [
  {
    id: "a1",
    source: "s1",
    country: "GT",
    body: "Hola, soy Valeria, masajista. Escríbeme al cinco cinco cinco cinco, uno dos tres cuatro",
  },
  { id: "a2", source: "s2", country: "GT", body: "Valeria disponible hoy, WhatsApp 5️⃣5️⃣5️⃣5️⃣-1️⃣2️⃣3️⃣4️⃣" },
  { id: "a3", source: "s1", country: "PA", body: "Nueva en la ciudad, llama al 6123-4567" },
];

export const jsonLines = (text: string) =>
  text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
