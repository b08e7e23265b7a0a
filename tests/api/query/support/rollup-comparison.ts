import { expect } from "vitest";
import type { TimeRange } from "@/lib/store/rollups/rollup-plan";

/** Metric rows in one order, histograms sorted, so two reads compare with toEqual. */
async function metricRows(range: TimeRange, stepNs: bigint, useRollups: boolean) {
  const { readMetricRows } = await import("@/lib/store/rollups/read-metric-rows");
  return (await readMetricRows(range, { originNs: range.from, stepNs }, {}, useRollups))
    .map((row) => ({ ...row, histogram: [...row.histogram].sort(([a], [b]) => a - b) }))
    .sort((a, b) => (a.bucketStartNs < b.bucketStartNs ? -1 : a.bucketStartNs > b.bucketStartNs ? 1 : 0) || JSON.stringify([a.serviceName, a.spanName, a.kind]).localeCompare(JSON.stringify([b.serviceName, b.spanName, b.kind])));
}

/** Calls per edge and spans per service, [count, errors], merged over the range. */
async function dependencyRows(range: TimeRange, useRollups: boolean) {
  const { readDependencyRows } = await import("@/lib/store/rollups/read-dependency-rows");
  const { edges, services } = await readDependencyRows(range, useRollups);
  const merged = new Map<string, [number, number]>();
  for (const row of [...edges.map((e) => [`${e.parentService}->${e.childService}`, e.callCount, e.errorCount] as const), ...services.map((s) => [s.serviceName, s.spanCount, s.errorCount] as const)]) {
    const [key, count, errors] = row;
    const current = merged.get(key) ?? [0, 0];
    merged.set(key, [current[0] + count, current[1] + errors]);
  }
  return Object.fromEntries([...merged].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Reads `range` (whole 5-minute buckets) once through the roll-ups and once live from
 * the spans, expects both to agree, and returns what the roll-ups gave.
 */
export async function expectCachedEqualsFresh(range: TimeRange, stepNs: bigint) {
  const cachedMetrics = await metricRows(range, stepNs, true);
  expect(cachedMetrics.length).toBeGreaterThan(0);
  expect(cachedMetrics).toEqual(await metricRows(range, stepNs, false));
  expect(await dependencyRows(range, true)).toEqual(await dependencyRows(range, false));
  return { metrics: cachedMetrics, dependencies: await dependencyRows(range, true) };
}
