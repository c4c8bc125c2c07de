import { NexusError } from "@nexus/errors";
import type { Field } from "./fields.js";

export type Env = Readonly<Record<string, string | undefined>>;
export type ConfigSpec = Readonly<Record<string, Readonly<Record<string, Field<unknown>>>>>;
export type ConfigOf<S extends ConfigSpec> = {
  readonly [Group in keyof S]: { readonly [Key in keyof S[Group]]: S[Group][Key] extends Field<infer T> ? T : never };
};

/**
 * Reads every field of `spec` from `env` and returns a frozen, typed, nested object. Reports all
 * problems together (a missing value, a bad number…) so an operator fixes them in one go.
 */
export function readConfig<S extends ConfigSpec>(spec: S, env: Env): ConfigOf<S> {
  const problems: string[] = [];
  const result: Record<string, Record<string, unknown>> = {};
  for (const [groupName, group] of Object.entries(spec)) {
    const values: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(group)) {
      const raw = env[field.env];
      if (raw === undefined || raw === "") {
        if (field.defaultValue === undefined) problems.push(`${field.env} is required (${field.doc})`);
        else values[key] = field.defaultValue;
        continue;
      }
      try {
        values[key] = field.parse(raw);
      } catch (error) {
        const shown = field.secret ? "" : ` (${(error as Error).message})`;
        problems.push(`${field.env} is invalid${shown}`);
      }
    }
    result[groupName] = Object.freeze(values);
  }
  if (problems.length > 0) {
    throw new NexusError("NEXUS_CONFIG_INVALID", `invalid configuration:\n  - ${problems.join("\n  - ")}`, {
      details: { problems },
    });
  }
  return Object.freeze(result) as ConfigOf<S>;
}

/** The configuration as printable text, secrets masked. */
export function describeConfig(spec: ConfigSpec, env: Env): string[] {
  return Object.values(spec).flatMap((group) =>
    Object.values(group).map((field) => {
      const raw = env[field.env];
      const shown =
        raw === undefined ? `(default ${JSON.stringify(field.defaultValue)})` : field.secret ? "[redacted]" : raw;
      return `${field.env}=${shown}  # ${field.doc}`;
    }),
  );
}
