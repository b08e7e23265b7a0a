// `--big-trace N`: one trace of N spans (a catalogue import fanning out over services),
// as OTLP/JSON request bodies of at most `spansPerRequest` spans, so it can be sent in
// batches below the collector's per-request limits. Also what the big-trace e2e spec and
// bench:ui seed. Built directly as OTLP/JSON (no SDK): 200,000 spans take about a second.

export const BIG_TRACE_FANOUT = 8;
/** Spans per request: a fifth of the collector's default 50,000 per request, ~9 MB of JSON. */
export const BIG_TRACE_SPANS_PER_REQUEST = 10_000;

/** Service and operation at each depth of the tree (the deepest one repeats). */
const LEVELS = [
  { service: "importer", name: "POST /api/imports", kind: 2 },
  { service: "importer", name: "import chunk", kind: 1 },
  { service: "catalog", name: "upsert products", kind: 2 },
  { service: "inventory", name: "reserve stock", kind: 2 },
  { service: "pricing", name: "price item", kind: 2 },
  { service: "postgres", name: "INSERT items", kind: 3 },
  { service: "postgres", name: "SELECT items", kind: 3 },
];
const ROOT_DURATION_NS = 60_000_000_000;

export interface BigTraceOptions {
  spans: number;
  /** 32 hex digits. */
  traceId: string;
  /** Unix nanoseconds of the root's start. */
  startNs: bigint;
  spansPerRequest?: number;
}

/** Span `i`'s id: its index plus one in 16 hex digits (never the all-zero invalid id). */
export const bigTraceSpanId = (index: number) => (index + 1).toString(16).padStart(16, "0");

const parentOf = (index: number) => Math.floor((index - 1) / BIG_TRACE_FANOUT);

interface Placed {
  depth: Uint8Array;
  startNs: Float64Array;
  durationNs: Float64Array;
}

/** Each span nested in its parent's time: child k of 8 takes the k-th eighth, 90% of it. */
function place(count: number): Placed {
  const placed = { depth: new Uint8Array(count), startNs: new Float64Array(count), durationNs: new Float64Array(count) };
  placed.durationNs[0] = ROOT_DURATION_NS;
  for (let i = 1; i < count; i++) {
    const parent = parentOf(i);
    const slot = (i - 1) % BIG_TRACE_FANOUT;
    const share = placed.durationNs[parent] / BIG_TRACE_FANOUT;
    placed.depth[i] = placed.depth[parent] + 1;
    placed.startNs[i] = Math.round(placed.startNs[parent] + slot * share);
    placed.durationNs[i] = Math.max(1_000, Math.round(share * 0.9));
  }
  return placed;
}

function otlpSpan(index: number, placed: Placed, options: BigTraceOptions) {
  const level = LEVELS[Math.min(placed.depth[index], LEVELS.length - 1)];
  const start = options.startNs + BigInt(placed.startNs[index]);
  const failed = index > 0 && index % 997 === 0;
  return {
    traceId: options.traceId,
    spanId: bigTraceSpanId(index),
    ...(index > 0 ? { parentSpanId: bigTraceSpanId(parentOf(index)) } : {}),
    name: level.name,
    kind: level.kind,
    startTimeUnixNano: start.toString(),
    endTimeUnixNano: (start + BigInt(placed.durationNs[index])).toString(),
    attributes: [
      { key: "import.item", value: { intValue: String(index) } },
      { key: "import.chunk", value: { stringValue: `chunk-${index % 64}` } },
      ...(level.kind === 3 ? [{ key: "db.system", value: { stringValue: "postgresql" } }] : []),
    ],
    events: index % 10 === 0 ? [{ name: "checkpoint", timeUnixNano: (start + BigInt(Math.round(placed.durationNs[index] / 2))).toString(), attributes: [{ key: "import.items.done", value: { intValue: String(index) } }] }] : [],
    status: failed ? { code: 2, message: `item ${index} rejected: price missing` } : { code: 0 },
  };
}

/** The trace's OTLP/JSON request bodies, spans in index order (parents before children). */
export function* bigTraceRequests(options: BigTraceOptions): Generator<{ resourceSpans: object[] }> {
  const placed = place(options.spans);
  const perRequest = options.spansPerRequest ?? BIG_TRACE_SPANS_PER_REQUEST;
  for (let from = 0; from < options.spans; from += perRequest) {
    const byService = new Map<string, object[]>();
    for (let i = from; i < Math.min(options.spans, from + perRequest); i++) {
      const { service } = LEVELS[Math.min(placed.depth[i], LEVELS.length - 1)];
      let spans = byService.get(service);
      if (!spans) byService.set(service, (spans = []));
      spans.push(otlpSpan(i, placed, options));
    }
    yield {
      resourceSpans: [...byService].map(([service, spans]) => ({
        resource: { attributes: [{ key: "service.name", value: { stringValue: service } }, { key: "deployment.environment", value: { stringValue: "demo" } }] },
        scopeSpans: [{ scope: { name: "traceboard-demo-import", version: "1.0.0" }, spans }],
      })),
    };
  }
}

