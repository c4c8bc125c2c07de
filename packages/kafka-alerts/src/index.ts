/**
 * @module @nexus/kafka-alerts
 * The API's watches and alerts in a distributed deployment: an AlertService over Kafka. Watches are
 * produced to the compacted nexus.watches.v1 (tombstones remove them) and read back as a table;
 * alerts (nexus.alerts.v1) and webhook delivery states (nexus.alerts.deliveries.v1) are followed into
 * memory, ordered and de-duplicated, with live alerts passed to subscribers.
 */
export { AlertLog } from "./alert-log.js";
export {
  createKafkaAlertService,
  type KafkaAlertService,
  type KafkaAlertServiceOptions,
} from "./kafka-alert-service.js";
export { WatchTable } from "./watch-table.js";
