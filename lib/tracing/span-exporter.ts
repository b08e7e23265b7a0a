import "server-only";
import type { SpanRecord } from "@/lib/collector/span-record";
import { ingestQueue } from "@/lib/collector/ingest/ingest-service";

const MAX_BUFFERED = 256;
const FLUSH_INTERVAL_MS = 1_000;

/**
 * Hands the app's own spans to the collector in-process (no HTTP hop, so no feedback
 * loop), in small batches. If the queue refuses them they are counted, not retried:
 * self-telemetry must never crowd out the spans users send.
 */
class SelfSpanExporter {
  private buffer: SpanRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
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
      await ingestQueue().submit(spans);
    } catch (error) {
      this.dropped += spans.length;
      console.warn(`[traceboard] dropped ${spans.length} self-tracing spans: ${(error as Error).message}`);
    }
  }
}

const state = globalThis as unknown as { traceboardSelfExporter?: SelfSpanExporter };

export function selfSpanExporter(): SelfSpanExporter {
  state.traceboardSelfExporter ??= new SelfSpanExporter();
  return state.traceboardSelfExporter;
}

export function exportSelfSpan(span: SpanRecord): void {
  selfSpanExporter().export(span);
}
