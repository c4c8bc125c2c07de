/** A search snippet with the matched words, which the API marks «like this», in <mark>. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(«[^»]*»)/);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith("«") && part.endsWith("»") ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: snippet parts have no identity beyond their place
          <mark key={i}>{part.slice(1, -1)}</mark>
        ) : (
          part
        ),
      )}
    </>
  );
}
