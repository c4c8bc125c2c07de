import { Writable } from "node:stream";
import type { Style } from "./style.js";

/** What a terminal view knows of the run: where to write, colours, width, and the arguments. */
export interface ViewContext {
  readonly out: Writable;
  readonly style: Style;
  /** Terminal columns. */
  readonly width: number;
  readonly positionals: readonly string[];
  readonly flags: ReadonlySet<string>;
}

/** Renders a command's JSON records for a person: one call per record, then end. */
export interface View {
  record(value: unknown): void;
  end(): void;
}

export type ViewFactory = (context: ViewContext) => View;

/**
 * A stdout for a command whose output a person reads: the command writes its JSON lines as always,
 * and each parsed line goes to the view. Anything that is not a JSON line is passed on as it is.
 */
export function createViewStream(view: View, out: Writable): Writable {
  let pending = "";
  const take = (line: string): void => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      out.write(`${line}\n`);
      return;
    }
    view.record(value);
  };
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const lines = (pending + String(chunk)).split("\n");
      pending = lines.pop() ?? "";
      try {
        for (const line of lines) take(line);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    final(callback) {
      try {
        take(pending);
        view.end();
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
