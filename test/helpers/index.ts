/**
 * Integration-test helpers: the harness that finds Kafka and Elasticsearch (services.ts), and
 * UUID-named topics, indices and consumer groups that clean up after the test that made them.
 */
export { createIndex, deleteIndices, type IndexHandle, type IndexOptions, testIndex } from "./elasticsearch.js";
export { createTopic, deleteTopics, type TopicHandle, type TopicOptions, testTopic } from "./kafka.js";
export { uniqueGroupId, uniqueIndexName, uniqueTopicName } from "./names.js";
export {
  elasticsearchUrl,
  kafkaBrokers,
  type ResolvedService,
  resolveElasticsearchService,
  resolveKafkaService,
  type ServiceSource,
} from "./services.js";
