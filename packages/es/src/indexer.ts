import type { Client, estypes } from "@elastic/elasticsearch";
import { NexusError } from "@nexus/errors";
import { classifyEsError, classifyItem } from "./classify.js";
import { type EsIndexNames, esIndexNames } from "./names.js";
import { type BulkItem, cutBatches, type EsDrop, type EsWriteOp, isDrop, toBulkItem } from "./operations.js";
import { BatchSizer, backoffMs, type RetryPolicy } from "./retry.js";

export interface EsIndexerOptions {
  readonly client: Client;
  /** Defaults to `esIndexNames()` (aliases `nexus-ads`, `nexus-entities`). */
  readonly names?: EsIndexNames;
  /** Upper bound on a bulk request's body (default 2 MiB, see bench/results/es.md). */
  readonly maxBatchBytes?: number;
  /** Upper bound on documents per bulk request (default 1000). */
  readonly maxBatchDocs?: number;
  /** Bulk requests in flight at once (default 2). */
  readonly concurrency?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Per-request timeout in ms (default 30 000). */
  readonly requestTimeoutMs?: number;
  /** Pass "wait_for" when the caller must read its writes right after (tests); default false. */
  readonly refresh?: boolean | "wait_for";
  /** Every document not written, with its reason. Conflicts are not drops: newer data is already there. */
  readonly onDrop?: (drop: EsDrop) => void;
  readonly onConflict?: (conflict: { readonly id: string; readonly index: string }) => void;
  /** Injected for tests; default setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface EsWriteReport {
  /** Documents created or replaced. */
  written: number;
  /** Refused because the stored version is the same or newer (NEXUS_ES_CONFLICT): replays and late updates. */
  conflicts: number;
  dropped: number;
  /** Document attempts repeated after backpressure, a timeout or an unavailable shard. */
  retried: number;
  batches: number;
  bytes: number;
}

export interface EsIndexer {
  /** Write the operations; resolves when each is written, refused as stale or dropped (and reported). */
  write(ops: readonly EsWriteOp[]): Promise<EsWriteReport>;
  /** Running totals over every `write`. */
  readonly totals: Readonly<EsWriteReport>;
}

function emptyReport(): EsWriteReport {
  return { written: 0, conflicts: 0, dropped: 0, retried: 0, batches: 0, bytes: 0 };
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type BulkItemResult = Partial<Record<estypes.BulkOperationType, estypes.BulkResponseItem>>;

export function createEsIndexer(options: EsIndexerOptions): EsIndexer {
  const names = options.names ?? esIndexNames();
  const maxDocs = options.maxBatchDocs ?? 1000;
  const policy: RetryPolicy = { maxRetries: 5, baseMs: 100, maxMs: 10_000, ...options.retry };
  const sizer = new BatchSizer(options.maxBatchBytes ?? 2 * 1024 * 1024);
  const sleep = options.sleep ?? defaultSleep;
  const totals = emptyReport();

  const drop = (report: EsWriteReport, d: EsDrop): void => {
    report.dropped++;
    options.onDrop?.(d);
  };

  /** Send one batch; returns the items to try again. Throws a NexusError only when retries are spent. */
  async function send(batch: BulkItem[], report: EsWriteReport): Promise<BulkItem[]> {
    const body = batch.map((i) => i.lines).join("");
    report.batches++;
    report.bytes += batch.reduce((n, i) => n + i.bytes, 0);
    let response: estypes.BulkResponse;
    try {
      response = await options.client.transport.request<estypes.BulkResponse>(
        { method: "POST", path: "/_bulk", bulkBody: body, querystring: refreshParam() },
        { requestTimeout: options.requestTimeoutMs ?? 30_000, maxRetries: 0 },
      );
    } catch (thrown) {
      const error = classifyEsError(thrown);
      if (error.code === "NEXUS_ES_BACKPRESSURE") sizer.backpressure();
      if (!error.retryable || batch.some((i) => i.attempts > policy.maxRetries)) throw withReport(error, report);
      return batch;
    }
    sizer.success();
    return settle(batch, response.items as BulkItemResult[], report);
  }

  function refreshParam(): Record<string, string> {
    return options.refresh === undefined || options.refresh === false ? {} : { refresh: String(options.refresh) };
  }

  function settle(batch: BulkItem[], results: BulkItemResult[], report: EsWriteReport): BulkItem[] {
    const again: BulkItem[] = [];
    batch.forEach((item, n) => {
      const result = results[n]?.index;
      if (result === undefined) {
        drop(report, {
          ...base(item),
          code: "NEXUS_ES_REJECTED",
          reason: "no result for this item in the bulk response",
        });
      } else if (result.error === undefined && result.status < 300) {
        report.written++;
      } else {
        const verdict = classifyItem(result.status, result.error?.type);
        if (verdict.code === "NEXUS_ES_CONFLICT") {
          report.conflicts++;
          options.onConflict?.({ id: item.id, index: item.index });
        } else if (verdict.retryable && item.attempts <= policy.maxRetries) {
          if (verdict.code === "NEXUS_ES_BACKPRESSURE") sizer.backpressure();
          again.push(item);
        } else {
          const reason = `${result.error?.type ?? "error"}: ${result.error?.reason ?? `status ${result.status}`}`;
          drop(report, { ...base(item), code: verdict.code, status: result.status, reason });
        }
      }
    });
    return again;
  }

  async function pass(items: BulkItem[], report: EsWriteReport): Promise<BulkItem[]> {
    const queue = cutBatches(items, { maxBytes: sizer.current, maxDocs });
    const again: BulkItem[] = [];
    const worker = async (): Promise<void> => {
      for (let batch = queue.shift(); batch !== undefined; batch = queue.shift()) {
        again.push(...(await send(batch, report)));
      }
    };
    // allSettled: when one batch gives up, the others still finish and report before write() throws.
    const settled = await Promise.allSettled(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed !== undefined) throw failed.reason;
    return again;
  }

  async function write(ops: readonly EsWriteOp[]): Promise<EsWriteReport> {
    const report = emptyReport();
    let pending: BulkItem[] = [];
    for (const op of ops) {
      const item = toBulkItem(op, names);
      if (isDrop(item)) drop(report, item);
      else pending.push(item);
    }
    try {
      for (let round = 0; pending.length > 0; round++) {
        if (round > 0) {
          report.retried += pending.length;
          await sleep(backoffMs(policy, round));
        }
        for (const item of pending) item.attempts++;
        pending = await pass(pending, report);
      }
    } finally {
      add(totals, report);
    }
    return report;
  }

  return { write, totals };
}

function base(item: BulkItem): Omit<EsDrop, "code" | "reason"> {
  return { id: item.id, index: item.index, kind: item.kind, attempts: item.attempts };
}

function add(into: EsWriteReport, from: EsWriteReport): void {
  for (const key of Object.keys(into) as (keyof EsWriteReport)[]) into[key] += from[key];
}

function withReport(error: NexusError, report: EsWriteReport): NexusError {
  return new NexusError(error.code, `${error.message} (gave up after retries)`, {
    retryable: error.retryable,
    cause: error,
    details: { ...error.details, report: { ...report } },
  });
}
