// natural ships no types for its per-stemmer files; the root import is slow and prints to stdout,
// so only these two files are imported and typed here.
declare module "natural/lib/natural/stemmers/porter_stemmer_es.js" {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module "natural/lib/natural/stemmers/porter_stemmer.js" {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
