import Table from "cli-table3";
import type { Style } from "./style.js";

/** One column of a terminal table: its text, its colour, and the widest it may grow. */
export interface Column<T> {
  readonly header: string;
  text(row: T): string;
  colour?(text: string, row: T, style: Style): string;
  /** Widest cell in terminal columns; longer text is cut with "…". */
  readonly max?: number;
  readonly align?: "left" | "right";
}

const GAP = 2;
// Borderless, one space of padding each side: columns read like `ls -l`, not like a spreadsheet.
const PLAIN_CHARS = Object.fromEntries(
  [
    "top",
    "top-mid",
    "top-left",
    "top-right",
    "bottom",
    "bottom-mid",
    "bottom-left",
    "bottom-right",
    "left",
    "left-mid",
    "mid",
    "mid-mid",
    "right",
    "right-mid",
    "middle",
  ].map((name) => [name, ""]),
);

/** Code points, near enough to terminal columns for choosing widths; cli-table3 measures exactly. */
const roughWidth = (text: string): number => [...text].length;

/**
 * The rows as an aligned table (cli-table3 measures wide characters and colour codes). Columns with
 * a `max` are cut to it; the last column also shrinks so the table fits `width` where it can.
 */
export function renderTable<T>(columns: readonly Column<T>[], rows: readonly T[], style: Style, width = 0): string {
  const texts = rows.map((row) => columns.map((column) => column.text(row)));
  const widths = columns.map((column, i) => {
    const natural = Math.max(roughWidth(column.header), ...texts.map((cells) => roughWidth(cells[i] ?? "")));
    return Math.min(natural, column.max ?? natural) + GAP;
  });
  const last = widths.length - 1;
  const others = widths.slice(0, last).reduce((sum, w) => sum + w, 0);
  if (width > 0 && last >= 0 && others + (widths[last] ?? 0) > width) {
    widths[last] = Math.max(width - others, 12);
  }
  const table = new Table({
    head: columns.map((column) => style.bold(column.header)),
    colWidths: widths,
    colAligns: columns.map((column) => column.align ?? "left"),
    chars: PLAIN_CHARS,
    style: { head: [], border: [], "padding-left": 0, "padding-right": GAP, compact: true },
  });
  texts.forEach((cells, r) => {
    const row = rows[r] as T;
    table.push(columns.map((column, i) => column.colour?.(cells[i] ?? "", row, style) ?? cells[i] ?? ""));
  });
  return `${table.toString().replace(/[ \t]+$/gm, "")}\n`;
}
