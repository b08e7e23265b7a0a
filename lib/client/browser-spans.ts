import { SELF_SERVICE_NAME } from "@/lib/domain/self-service";
import { generateSpanId, generateTraceId, type SpanContext, TraceFlags } from "@/lib/trace-context";

/** A finished CLIENT span of one dashboard fetch, in the native ingest shape. */
interface BrowserSpan {
  name: string;
  trace_id: string;
  span_id: string;
  kind: "client";
  status?: { code: "error"; message: string };
  start_time: number;
  end_time: number;
  attributes: Record<string, string | number>;
}

const FLUSH_DELAY_MS = 2_000;
const MAX_BUFFERED = 200;

let buffered: BrowserSpan[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;

/** Unix milliseconds with the sub-millisecond part of the performance clock. */
function nowMillis(): number {
  return performance.timeOrigin + performance.now();
}

function flush(): void {
  flushTimer = null;
  if (buffered.length === 0) return;
  const body = JSON.stringify({ service_name: SELF_SERVICE_NAME, spans: buffered });
  buffered = [];
  // Ingest routes do not trace themselves, so exporting cannot loop; this one needs read access, not the ingest token.
  void fetch("/api/tracing/dashboard-spans", { method: "POST", headers: { "content-type": "application/json" }, body, keepalive: true }).catch(() => {});
}

function record(span: BrowserSpan): void {
  if (buffered.length >= MAX_BUFFERED) buffered.shift();
  buffered.push(span);
  flushTimer ??= setTimeout(flush, FLUSH_DELAY_MS);
}

if (typeof window !== "undefined") window.addEventListener("pagehide", flush);

export interface FetchSpan {
  context: SpanContext;
  end(status: number | null, error?: string): void;
}

/**
 * Starts the root CLIENT span of one dashboard request: the fetch carries its context,
 * so the click, the API call and the database work behind it form one trace under
 * service `traceboard`. The span is exported when it ends.
 */
export function startFetchSpan(method: string, url: URL): FetchSpan {
  const context: SpanContext = { traceId: generateTraceId(), spanId: generateSpanId(), traceFlags: TraceFlags.SAMPLED, isRemote: false };
  const start = nowMillis();
  return {
    context,
    end(status, error) {
      const failed = error !== undefined || (status !== null && status >= 500);
      record({
        name: `${method} ${url.pathname}`,
        trace_id: context.traceId,
        span_id: context.spanId,
        kind: "client",
        ...(failed ? { status: { code: "error", message: error ?? `HTTP ${status}` } } : {}),
        start_time: start,
        end_time: nowMillis(),
        attributes: {
          "http.request.method": method,
          "url.full": url.href,
          "url.path": url.pathname,
          ...(status !== null ? { "http.response.status_code": status } : {}),
          "browser.page": window.location.pathname,
        },
      });
    },
  };
}
