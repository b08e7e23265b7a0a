// The traces bench:ui opens: a realistic fan-out tree (4 children per span, 8 services, a
// few attributes each, an event on every 10th span, an error now and then).
import { otlpTrace, type SeededTrace, type SeedSpan } from "../../tests/e2e/support/seed-traces";
import { serverUrl } from "./servers.mjs";

const FANOUT = 4;
const SERVICES = 8;
const SPANS_PER_REQUEST = 5_000;

/** A fan-out tree of `count` spans: span i is a child of span (i-1)/FANOUT, nested inside it in time. */
export function benchSpans(count: number): SeedSpan[] {
  const spans: SeedSpan[] = [];
  const window: Array<{ start: number; duration: number }> = [];
  for (let i = 0; i < count; i++) {
    const parent = i === 0 ? undefined : Math.floor((i - 1) / FANOUT);
    const slot = i === 0 ? 0 : (i - 1) % FANOUT;
    const outer = parent === undefined ? { start: 0, duration: 5_000 } : window[parent];
    const start = outer.start + (outer.duration * slot) / FANOUT;
    const duration = (outer.duration / FANOUT) * 0.9;
    window.push({ start, duration });
    spans.push({
      id: `s${i}`,
      parent: parent === undefined ? undefined : `s${parent}`,
      service: `bench-ui-service-${i % SERVICES}`,
      name: `${i % 3 === 0 ? "GET" : "POST"} /api/resource/${i % 97}`,
      kind: i === 0 ? "server" : i % 2 ? "client" : "internal",
      startMs: start,
      durationMs: duration,
      error: i % 211 === 0 && i > 0 ? "upstream failed" : undefined,
      attributes: { "http.method": i % 3 === 0 ? "GET" : "POST", "http.status_code": 200, "bench.index": i, "peer.service": `bench-ui-service-${(i + 1) % SERVICES}` },
      events: i % 10 === 0 ? [{ name: "cache miss", atMs: start + duration / 2, attributes: { key: `k${i}` } }] : undefined,
    });
  }
  return spans;
}

type OtlpBody = { resourceSpans: Array<{ resource: unknown; scopeSpans: Array<{ scope: unknown; spans: unknown[] }> }> };

/** The trace's OTLP body cut into requests of at most SPANS_PER_REQUEST spans (the ingest body limit is 20 MB). */
function* requestBodies(body: OtlpBody): Generator<OtlpBody> {
  for (const { resource, scopeSpans } of body.resourceSpans)
    for (const { scope, spans } of scopeSpans)
      for (let from = 0; from < spans.length; from += SPANS_PER_REQUEST)
        yield { resourceSpans: [{ resource, scopeSpans: [{ scope, spans: spans.slice(from, from + SPANS_PER_REQUEST) }] }] };
}

/** Sends `spans` as one new trace through OTLP/HTTP JSON to the server on `port`; resolves once every part was accepted. */
export async function seedSpans(port: number, spans: SeedSpan[]): Promise<SeededTrace> {
  const { body, ...trace } = otlpTrace(spans);
  for (const part of requestBodies(body as OtlpBody)) {
    const response = await fetch(serverUrl(port, "/v1/traces"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(part) });
    if (response.status !== 200) throw new Error(`seeding ${spans.length} spans: HTTP ${response.status} ${await response.text()}`);
  }
  return trace;
}
