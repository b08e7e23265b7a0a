import "server-only";
import type { TraceSummary } from "@/lib/api/contracts/trace-summary";
import { readTraceSummaries, type TraceSummaryRow } from "@/lib/store/read/trace-summaries";
import { nanosToMillis } from "@/lib/domain/time-units";

export function toTraceSummary(row: TraceSummaryRow): TraceSummary {
  return {
    traceId: row.traceId,
    rootService: row.rootService,
    rootName: row.rootName,
    hasRoot: row.hasRoot,
    startTimeUnixNano: row.startTimeNs.toString(),
    endTimeUnixNano: row.endTimeNs.toString(),
    durationMs: nanosToMillis(row.durationNs),
    spanCount: row.spanCount,
    errorCount: row.errorCount,
    services: row.services.map(({ serviceName, spanCount, errorCount }) => ({ name: serviceName, spanCount, errorCount })),
  };
}

/** Summaries of `traceIds` in the order asked, unknown ids left out. */
export async function findTraceSummaries(traceIds: readonly string[]): Promise<TraceSummary[]> {
  const rows = new Map((await readTraceSummaries(traceIds)).map((row) => [row.traceId, row]));
  return traceIds.flatMap((traceId) => {
    const row = rows.get(traceId);
    return row ? [toTraceSummary(row)] : [];
  });
}

/** The summary of one trace, or null when the store has no span of it. */
export async function findTraceSummary(traceId: string): Promise<TraceSummary | null> {
  const [summary] = await findTraceSummaries([traceId]);
  return summary ?? null;
}
