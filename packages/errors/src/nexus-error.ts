import type { ErrorCode } from "./codes.js";

export interface NexusErrorOptions {
  readonly retryable?: boolean;
  readonly cause?: unknown;
  /** Structured, non-secret context: field paths, offsets, ids. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The base of every error Nexus raises on purpose. The runtime, not the handler, decides what to do
 * with it: retry when `retryable`, otherwise dead-letter with `code`.
 */
export class NexusError extends Error {
  override readonly name: string = "NexusError";
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: NexusErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details ?? {};
  }

  toJSON(): { code: ErrorCode; message: string; retryable: boolean; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, retryable: this.retryable, details: { ...this.details } };
  }
}

/** One failed check of a message against its schema, with the JSON path of the field. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/** A message that does not match its topic schema. Never retryable: replaying it fails the same way. */
export class ValidationError extends NexusError {
  override readonly name = "ValidationError";
  readonly issues: readonly ValidationIssue[];

  constructor(subject: string, issues: readonly ValidationIssue[]) {
    const summary = issues.map((issue) => `${issue.path || "(root)"} ${issue.message}`).join("; ");
    super("NEXUS_SCHEMA_INVALID", `${subject}: ${summary}`, { details: { issues } });
    this.issues = issues;
  }
}

/** Wraps anything thrown into a NexusError, keeping the original as `cause` (and so its stack). */
export function toNexusError(thrown: unknown, fallback: ErrorCode = "NEXUS_INTERNAL"): NexusError {
  if (thrown instanceof NexusError) return thrown;
  if (thrown instanceof Error) return new NexusError(fallback, thrown.message, { cause: thrown });
  return new NexusError(fallback, String(thrown), { cause: thrown });
}
