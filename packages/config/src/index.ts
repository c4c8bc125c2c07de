/**
 * @module @nexus/config
 * Environment → frozen, typed configuration. The only place that interprets environment variables;
 * services pass `process.env` in from main.ts.
 */
export { dataSpec, esSpec, imageSpec, kafkaSpec, localImportImageSpec, logSpec, serviceSpec } from "./common.js";
export { boolean, type Field, integer, list, oneOf, text } from "./fields.js";
export { type ConfigOf, type ConfigSpec, describeConfig, type Env, readConfig } from "./read-config.js";
