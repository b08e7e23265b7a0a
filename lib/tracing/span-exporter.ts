import "server-only";
import type { SpanRecord } from "@/lib/domain/span-record";

const MAX_BUFFERED = 256;
const FLUSH_INTERVAL_MS = 1_000;

/** Where the app's own spans go; the server lifecycle connects the ingest queue. */
export type SpanSink = (spans: SpanRecord[]) => Promise<void>;

/**
 * Hands the app's own spans to the sink in-process (no HTTP hop, so no feedback loop),
 * in small batches. If the sink refuses them, or none is connected, they are counted,
 * not retried: self-telemetry must never crowd out the spans users send.
 */
class SelfSpanExporter {
  private buffer: SpanRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  sink: SpanSink | undefined;
  dropped = 0;

  export(span: SpanRecord): void {
    this.buffer.push(span);
    if (this.buffer.length >= MAX_BUFFERED) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS).unref();
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const spans = this.buffer.splice(0);
    if (spans.length === 0) return;
    try {
      if (!this.sink) throw new Error("no span sink is connected");
      await this.sink(spans);
    } catch (error) {
      this.dropped += spans.length;
      console.warn(`[traceboard] dropped ${spans.length} self-tracing spans: ${(error as Error).message}`);
    }
  }
}

// On globalThis: Next.js bundles instrumentation and each route separately, and they must share one exporter.
const state = globalThis as unknown as { traceboardSelfExporter?: SelfSpanExporter };

export function selfSpanExporter(): SelfSpanExporter {
  state.traceboardSelfExporter ??= new SelfSpanExporter();
  return state.traceboardSelfExporter;
}

/** Sends the app's own spans to `sink` from now on. */
export function connectSpanSink(sink: SpanSink): void {
  selfSpanExporter().sink = sink;
}

export function exportSelfSpan(span: SpanRecord): void {
  selfSpanExporter().export(span);
}
