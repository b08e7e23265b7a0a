import "server-only";
import { getDb } from "../db";
import { refreshRollups } from "./refresh-rollups";

/** Span counts, statuses and total duration of one span kind over every stored span. */
export interface KindTotals {
  kind: number;
  spanCount: number;
  errorCount: number;
  okCount: number;
  durationSumNs: bigint;
}

type Count = number | bigint | string;

/** Totals per span kind of all stored spans, from the roll-ups (every stale bucket is refreshed first). */
export async function readSpanTotals(): Promise<KindTotals[]> {
  await refreshRollups();
  const rows = await getDb().$queryRawUnsafe<Array<{ kind: Count; span_count: Count; error_count: Count; ok_count: Count; duration_sum_ns: string }>>(
    `SELECT CAST(kind AS INTEGER) AS kind, CAST(sum(span_count) AS BIGINT) AS span_count, CAST(sum(error_count) AS BIGINT) AS error_count,
       CAST(sum(ok_count) AS BIGINT) AS ok_count, CAST(sum(duration_sum_ns) AS TEXT) AS duration_sum_ns
     FROM metric_rollups GROUP BY kind ORDER BY kind`,
  );
  return rows.map((row) => ({
    kind: Number(row.kind),
    spanCount: Number(row.span_count),
    errorCount: Number(row.error_count),
    okCount: Number(row.ok_count),
    durationSumNs: BigInt(row.duration_sum_ns),
  }));
}
