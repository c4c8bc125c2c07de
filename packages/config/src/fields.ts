/** One environment variable: how to parse it, its default, and whether it is a secret. */
export interface Field<T> {
  readonly env: string;
  readonly doc: string;
  readonly secret?: boolean;
  readonly defaultValue?: T;
  parse(raw: string): T;
}

type Options<T> = { readonly default?: T; readonly secret?: boolean };

function field<T>(env: string, doc: string, parse: (raw: string) => T, options: Options<T>): Field<T> {
  return {
    env,
    doc,
    parse,
    ...(options.default === undefined ? {} : { defaultValue: options.default }),
    ...(options.secret === undefined ? {} : { secret: options.secret }),
  };
}

export function text(env: string, doc: string, options: Options<string> = {}): Field<string> {
  return field(env, doc, (raw) => raw, options);
}

export function integer(env: string, doc: string, options: Options<number> & { min?: number } = {}): Field<number> {
  return field(
    env,
    doc,
    (raw) => {
      const value = Number(raw);
      if (!Number.isInteger(value)) throw new Error(`must be a whole number, got "${raw}"`);
      if (options.min !== undefined && value < options.min) throw new Error(`must be at least ${options.min}`);
      return value;
    },
    options,
  );
}

export function boolean(env: string, doc: string, options: Options<boolean> = {}): Field<boolean> {
  const values: Record<string, boolean> = { true: true, "1": true, yes: true, false: false, "0": false, no: false };
  return field(
    env,
    doc,
    (raw) => {
      const value = values[raw.toLowerCase()];
      if (value === undefined) throw new Error(`must be true or false, got "${raw}"`);
      return value;
    },
    options,
  );
}

export function oneOf<const T extends string>(
  env: string,
  doc: string,
  allowed: readonly T[],
  options: Options<T> = {},
): Field<T> {
  return field(
    env,
    doc,
    (raw) => {
      if (!(allowed as readonly string[]).includes(raw))
        throw new Error(`must be one of ${allowed.join(", ")}, got "${raw}"`);
      return raw as T;
    },
    options,
  );
}

export function list(env: string, doc: string, options: Options<string[]> = {}): Field<string[]> {
  return field(
    env,
    doc,
    (raw) =>
      raw
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean),
    options,
  );
}
