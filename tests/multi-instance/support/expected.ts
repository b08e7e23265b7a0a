import type { TestSpan } from "./workload";

/** What the stored data must say about the acknowledged spans: summaries and roll-ups, computed here from the spans alone. */

export interface ExpectedTraceSummary {
  traceId: string;
  rootService: string;
  rootName: string;
  hasRoot: boolean;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  spanCount: number;
  errorCount: number;
  services: Array<{ name: string; spanCount: number; errorCount: number }>;
}

const errors = (spans: readonly TestSpan[]) => spans.filter((span) => span.error).length;
const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The trace list's summary of one trace (services sorted by name). */
export function traceSummary(spans: readonly TestSpan[]): ExpectedTraceSummary {
  const root = spans.find((span) => span.parentSpanId === null);
  if (!root) throw new Error(`trace ${spans[0].traceId} has no root span`);
  const start = spans.reduce((min, span) => (span.startNs < min ? span.startNs : min), spans[0].startNs);
  const end = spans.reduce((max, span) => (span.endNs > max ? span.endNs : max), spans[0].endNs);
  const services = [...new Set(spans.map((span) => span.service))].map((name) => {
    const own = spans.filter((span) => span.service === name);
    return { name, spanCount: own.length, errorCount: errors(own) };
  });
  return {
    traceId: root.traceId,
    rootService: root.service,
    rootName: root.name,
    hasRoot: true,
    startTimeUnixNano: start.toString(),
    endTimeUnixNano: end.toString(),
    spanCount: spans.length,
    errorCount: errors(spans),
    services: services.sort(byName),
  };
}

export interface Counts {
  count: number;
  errors: number;
}

function tally(counts: Map<string, Counts>, key: string, error: boolean): void {
  const current = counts.get(key) ?? { count: 0, errors: 0 };
  counts.set(key, { count: current.count + 1, errors: current.errors + (error ? 1 : 0) });
}

/** Per service: its server spans (the metrics' requests) with their errors. */
export function requestCounts(spans: readonly TestSpan[]): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  for (const span of spans) if (span.kind === "server") tally(counts, span.service, span.error);
  return counts;
}

/** Per service: all its spans with their errors (the dependency graph's nodes). */
export function spanCounts(spans: readonly TestSpan[]): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  for (const span of spans) tally(counts, span.service, span.error);
  return counts;
}

/** Per "caller -> callee": spans whose parent belongs to another service, with the callee span's errors. */
export function dependencyCounts(spans: readonly TestSpan[]): Map<string, Counts> {
  const byId = new Map(spans.map((span) => [`${span.traceId}/${span.spanId}`, span]));
  const counts = new Map<string, Counts>();
  for (const span of spans) {
    const parent = span.parentSpanId === null ? undefined : byId.get(`${span.traceId}/${span.parentSpanId}`);
    if (parent && parent.service !== span.service) tally(counts, `${parent.service} -> ${span.service}`, span.error);
  }
  return counts;
}

/** Sorted entries, so two count maps compare as plain arrays in a failure message. */
export function sortedCounts(counts: Map<string, Counts>): Array<[string, Counts]> {
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}
