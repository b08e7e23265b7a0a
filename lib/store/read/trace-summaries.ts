import "server-only";
import { getDb } from "../db";

export interface TraceSummaryRow {
  traceId: string;
  rootService: string;
  rootName: string;
  hasRoot: boolean;
  startTimeNs: bigint;
  endTimeNs: bigint;
  durationNs: bigint;
  spanCount: number;
  errorCount: number;
  services: Array<{ serviceName: string; spanCount: number; errorCount: number }>;
}

/** The summary rows of `traceIds` with their services (most spans first), in no particular order; unknown ids are absent. */
export async function readTraceSummaries(traceIds: readonly string[]): Promise<TraceSummaryRow[]> {
  if (traceIds.length === 0) return [];
  const db = getDb();
  const [traces, services] = await Promise.all([
    db.trace.findMany({ where: { traceId: { in: [...traceIds] } } }),
    db.traceService.findMany({
      where: { traceId: { in: [...traceIds] } },
      select: { traceId: true, serviceName: true, spanCount: true, errorCount: true },
      orderBy: [{ spanCount: "desc" }, { serviceName: "asc" }],
    }),
  ]);
  const byTrace = new Map<string, TraceSummaryRow["services"]>();
  for (const { traceId, ...counts } of services) {
    const list = byTrace.get(traceId) ?? [];
    list.push(counts);
    byTrace.set(traceId, list);
  }
  return traces.map((trace) => ({ ...trace, services: byTrace.get(trace.traceId) ?? [] }));
}
