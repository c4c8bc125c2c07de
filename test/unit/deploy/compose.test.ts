/** The compose file parses as YAML and is a valid Compose file by the Compose Specification's schema. */
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { loadCompose, read } from "./workloads.js";

// Draft-07, which is Ajv's default; its "$schema" spells the draft's id with https, which Ajv does
// not know by that name, so it is dropped. Formats (durations…) are Compose's own: not checked.
const { $schema: _draft, ...schema } = JSON.parse(read("test/fixtures/schemas/compose-spec/compose-spec.json"));
const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

describe("deploy/compose/docker-compose.yml", () => {
  it("is YAML without errors or warnings", () => {
    const doc = parseDocument(read("deploy/compose/docker-compose.yml"), { merge: true });
    expect(doc.errors).toEqual([]);
    expect(doc.warnings).toEqual([]);
  });

  it("validates against the Compose Specification schema", () => {
    const valid = validate(loadCompose());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("would be refused by the schema if it were wrong (the check is live)", () => {
    const compose = loadCompose();
    compose.services.api.healthcheck.retries = "many";
    compose.services.api.restart_policy = "always";
    expect(validate(compose)).toBe(false);
    expect(validate.errors?.map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/integer|additional properties/)]),
    );
  });
});
