import { type DestinationStream, type Logger, pino, destination as pinoDestination, stdTimeFunctions } from "pino";

export type { Logger } from "pino";

/** Paths never written to logs: credentials and raw image bytes. */
export const REDACT_PATHS = [
  "password",
  "*.password",
  "apiKey",
  "*.apiKey",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "req.headers.authorization",
  'req.headers["x-api-key"]',
  "secret",
  "*.secret",
  "images[*].data",
];

export interface LoggerOptions {
  readonly service: string;
  readonly level?: string;
  /** Where JSON lines go; stderr by default so that stdout stays free for command output. */
  readonly destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? pinoDestination({ fd: 2, sync: false });
  return pino(
    {
      level: options.level ?? "info",
      base: { service: options.service },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** An in-memory sink for tests: every line parsed as JSON. */
export function createMemorySink(): DestinationStream & { readonly lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return {
    lines,
    write(chunk: string) {
      lines.push(JSON.parse(chunk) as Record<string, unknown>);
    },
  };
}
