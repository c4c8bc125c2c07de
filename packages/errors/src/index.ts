/**
 * @module @nexus/errors
 * Stable error codes and the NexusError family. Pure: no I/O.
 */
export { ERROR_CODES, type ErrorCode } from "./codes.js";
export {
  NexusError,
  type NexusErrorOptions,
  toNexusError,
  ValidationError,
  type ValidationIssue,
} from "./nexus-error.js";
