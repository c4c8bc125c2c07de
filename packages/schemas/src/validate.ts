import { ValidationError, type ValidationIssue } from "@nexus/errors";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { SCHEMA_DOCUMENTS, TOPIC_SCHEMA_IDS } from "./generated/schemas.js";
import type { TopicMessages, TopicName } from "./topics.js";

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
// ajv-formats is CommonJS: under NodeNext its plugin is the module's `default`.
// (its exports object is the plugin and also carries itself as `default`).
const addFormats = formats.default;
addFormats(ajv, ["date-time", "uri"]);
for (const document of SCHEMA_DOCUMENTS) ajv.addSchema(document);

const compiled = new Map<TopicName, ValidateFunction>();

function validatorFor(topic: TopicName): ValidateFunction {
  let validate = compiled.get(topic);
  if (!validate) {
    const found = ajv.getSchema(TOPIC_SCHEMA_IDS[topic]);
    if (!found) throw new Error(`no schema for topic ${topic}`);
    validate = found;
    compiled.set(topic, validate);
  }
  return validate;
}

function toIssues(errors: readonly ErrorObject[]): ValidationIssue[] {
  const issues = errors
    // oneOf/allOf wrappers repeat what their branches said; keep the specific complaints.
    .filter((error) => error.keyword !== "oneOf" && error.keyword !== "allOf")
    .map((error) => {
      const missing = error.keyword === "required" ? `/${String(error.params["missingProperty"])}` : "";
      const extra = error.keyword === "additionalProperties" ? `/${String(error.params["additionalProperty"])}` : "";
      return { path: `${error.instancePath}${missing}${extra}`, message: error.message ?? error.keyword };
    });
  const unique = new Map(issues.map((issue) => [`${issue.path} ${issue.message}`, issue]));
  return [...unique.values()];
}

export type CheckResult<T> = { ok: true; value: T } | { ok: false; error: ValidationError };

/** Checks a message against its topic schema without throwing. */
export function checkMessage<T extends TopicName>(topic: T, value: unknown): CheckResult<TopicMessages[T]> {
  const validate = validatorFor(topic);
  if (validate(value)) return { ok: true, value: value as TopicMessages[T] };
  return { ok: false, error: new ValidationError(topic, toIssues(validate.errors ?? [])) };
}

/** Returns the message typed for its topic, or throws a ValidationError naming every bad field. */
export function validateMessage<T extends TopicName>(topic: T, value: unknown): TopicMessages[T] {
  const result = checkMessage(topic, value);
  if (!result.ok) throw result.error;
  return result.value;
}
