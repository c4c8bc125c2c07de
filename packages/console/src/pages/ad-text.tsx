import { useTranslation } from "react-i18next";
import type { Extraction } from "../api/types.js";

interface Mark {
  start: number;
  end: number;
  label: string;
  kind: "phone" | "email" | "handle";
}

/** The contacts extraction found, by their offsets in title + "\n" + body (how the extractor reads an ad). */
export function contactMarks(extraction: Extraction, how: (obfuscations: string[]) => string): Mark[] {
  const marks: Mark[] = [
    ...extraction.phones.map((p) => ({
      start: p.start,
      end: p.end,
      kind: "phone" as const,
      label: p.obfuscations.length > 0 ? `${p.e164} (${how(p.obfuscations)})` : p.e164,
    })),
    ...extraction.emails.map((e) => ({ start: e.start, end: e.end, kind: "email" as const, label: e.value })),
    ...extraction.handles.map((h) => ({
      start: h.start,
      end: h.end,
      kind: "handle" as const,
      label: `${h.platform}:${h.value}`,
    })),
  ];
  return marks.sort((a, b) => a.start - b.start).filter((m, i, all) => i === 0 || m.start >= (all[i - 1] as Mark).end);
}

/** One stretch of the ad's text (the title, or the body at `offset`) with the contacts marked where they were found. */
export function MarkedText({ text, offset, marks }: { text: string; offset: number; marks: readonly Mark[] }) {
  const { t } = useTranslation();
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const mark of marks) {
    const start = mark.start - offset;
    const end = mark.end - offset;
    if (end <= 0 || start >= text.length) continue;
    const from = Math.max(start, 0);
    if (from > at) parts.push(text.slice(at, from));
    parts.push(
      <mark key={mark.start} className={`contact ${mark.kind}`} title={mark.label}>
        {text.slice(from, Math.min(end, text.length))}
        <span className="visually-hidden">
          {" "}
          ({t(`ad.${mark.kind}`)}: {mark.label})
        </span>
      </mark>,
    );
    at = Math.min(end, text.length);
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
