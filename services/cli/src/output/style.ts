import { styleText } from "node:util";

/** Colours for a terminal; every function returns its text unchanged when colour is off. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
}

type Format = Parameters<typeof styleText>[0];

/**
 * Colour on a terminal unless NO_COLOR is set or TERM is dumb; FORCE_COLOR (not "0") forces it, as
 * in Node itself (https://no-color.org, https://force-color.org).
 */
export function colourWanted(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env["FORCE_COLOR"];
  if (force !== undefined && force !== "") return force !== "0";
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  return isTTY && env["TERM"] !== "dumb";
}

export function createStyle(enabled: boolean): Style {
  // node:util's styleText; the decision is ours (above), so it must not check the stream again.
  const paint = (format: Format) => (text: string) =>
    enabled ? styleText(format, text, { validateStream: false }) : text;
  return {
    enabled,
    bold: paint("bold"),
    dim: paint("dim"),
    red: paint("red"),
    green: paint("green"),
    yellow: paint("yellow"),
    cyan: paint("cyan"),
    magenta: paint("magenta"),
  };
}
