/**
 * A tiny Prometheus registry (counters, gauges, one histogram kind): enough for a service's
 * /metrics without a dependency. Text exposition format 0.0.4.
 */

type Labels = Readonly<Record<string, string>>;

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(
    ([name, value]) => `${name}="${value.replace(/["\\\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`))}"`,
  );
  return parts.length === 0 ? "" : `{${parts.join(",")}}`;
}

interface Metric {
  render(): string[];
}

class Series implements Metric {
  protected readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: "counter" | "gauge",
  ) {}

  protected slot(labels: Labels): { labels: Labels; value: number } {
    const id = labelText(labels);
    let slot = this.values.get(id);
    if (!slot) {
      slot = { labels, value: 0 };
      this.values.set(id, slot);
    }
    return slot;
  }

  get(labels: Labels = {}): number {
    return this.values.get(labelText(labels))?.value ?? 0;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`];
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${value}`);
    return lines;
  }
}

export class Counter extends Series {
  constructor(name: string, help: string) {
    super(name, help, "counter");
  }
  inc(labels: Labels = {}, by = 1): void {
    this.slot(labels).value += by;
  }
}

export class Gauge extends Series {
  constructor(name: string, help: string) {
    super(name, help, "gauge");
  }
  set(labels: Labels, value: number): void {
    this.slot(labels).value = value;
  }
}

export class Histogram implements Metric {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {
    this.counts = buckets.map(() => 0);
  }

  observe(value: number): void {
    this.sum += value;
    this.count += 1;
    for (const [index, bound] of this.buckets.entries())
      if (value <= bound) this.counts[index] = (this.counts[index] ?? 0) + 1;
  }

  get observations(): number {
    return this.count;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [index, bound] of this.buckets.entries())
      lines.push(`${this.name}_bucket{le="${bound}"} ${this.counts[index] ?? 0}`);
    lines.push(
      `${this.name}_bucket{le="+Inf"} ${this.count}`,
      `${this.name}_sum ${this.sum}`,
      `${this.name}_count ${this.count}`,
    );
    return lines;
  }
}

/** The metrics every stage service exports. */
export class RuntimeMetrics {
  readonly messagesIn = new Counter("nexus_messages_in_total", "Messages consumed from the input topic.");
  readonly messagesOut = new Counter("nexus_messages_out_total", "Records produced and acknowledged, by topic.");
  readonly errors = new Counter("nexus_errors_total", "Messages that failed, by error code.");
  readonly deadLetters = new Counter("nexus_dead_letters_total", "Messages sent to a dead-letter topic.");
  readonly retries = new Counter("nexus_retries_total", "Handler retries after a retryable error.");
  readonly lag = new Gauge("nexus_consumer_lag", "High watermark minus committed offset, by partition.");
  readonly inFlight = new Gauge("nexus_in_flight", "Messages handled but not yet acknowledged.");
  readonly paused = new Gauge("nexus_consumer_paused", "1 while consumption is paused for back-pressure.");
  readonly latency = new Histogram(
    "nexus_processing_seconds",
    "From fetch to acknowledged outputs, per message.",
    [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  );

  render(): string {
    const all: Metric[] = [
      this.messagesIn,
      this.messagesOut,
      this.errors,
      this.deadLetters,
      this.retries,
      this.lag,
      this.inFlight,
      this.paused,
      this.latency,
    ];
    return `${all.flatMap((metric) => metric.render()).join("\n")}\n`;
  }
}
