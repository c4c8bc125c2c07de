import type { Style } from "./style.js";
import { type Column, renderTable } from "./table.js";
import type { View, ViewContext } from "./view.js";

export interface TableViewOptions {
  /** Said when there is nothing to show, e.g. "no entities". */
  readonly empty: string;
  /** A line after the table, e.g. a count. */
  footer?(rows: number, style: Style): string;
}

/** Rows at most held before a table is printed, so a long stream does not sit in memory. */
const CHUNK = 200;

/** A view that shows records as a table: printed at the end, or every CHUNK rows. */
export function tableView<T>(context: ViewContext, columns: readonly Column<T>[], options: TableViewOptions): View {
  let rows: T[] = [];
  let total = 0;
  const flush = (): void => {
    if (rows.length > 0) context.out.write(renderTable(columns, rows, context.style, context.width));
    rows = [];
  };
  return {
    record(value) {
      rows.push(value as T);
      total += 1;
      if (rows.length >= CHUNK) flush();
    },
    end() {
      flush();
      if (total === 0) context.out.write(`${context.style.dim(`(${options.empty})`)}\n`);
      else if (options.footer) context.out.write(`${options.footer(total, context.style)}\n`);
    },
  };
}

/** Up to `count` values, then "+N". */
export function list(values: readonly string[] | undefined, count = 3): string {
  if (!values || values.length === 0) return "";
  const shown = values.slice(0, count).join(" ");
  return values.length > count ? `${shown} +${values.length - count}` : shown;
}

export const plural = (count: number, word: string, words = `${word}s`): string =>
  `${count} ${count === 1 ? word : words}`;
