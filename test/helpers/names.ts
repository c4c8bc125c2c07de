import { randomUUID } from "node:crypto";

/** A topic name no other test (or earlier run) uses: `<prefix>.<uuid>`. */
export function uniqueTopicName(prefix = "nexus.test"): string {
  return `${prefix}.${randomUUID()}`;
}

/** An index name no other test uses; Elasticsearch index names must be lowercase. */
export function uniqueIndexName(prefix = "nexus-test"): string {
  return `${prefix}-${randomUUID()}`.toLowerCase();
}

/** A consumer group id of its own, so a test never joins another test's group. */
export function uniqueGroupId(prefix = "nexus-test-group"): string {
  return `${prefix}-${randomUUID()}`;
}
