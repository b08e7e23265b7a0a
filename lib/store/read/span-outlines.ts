import "server-only";
import type { SpanOutline } from "@/lib/domain/span-outline";
import { resolveDatabaseTarget } from "../database-target";
import { getDb, postgresPoolOf } from "../db";
import { selectRows } from "../postgres/observed-rows";


type OutlineTuple = [spanId: string, parentSpanId: string | null, serviceName: string, name: string, startTimeNs: string, endTimeNs: string];

const TUPLE = "s.span_id, s.parent_span_id, s.service_name, s.name, CAST(s.start_time_ns AS TEXT), CAST(s.end_time_ns AS TEXT)";

const toOutline = ([spanId, parentSpanId, serviceName, name, start, end]: OutlineTuple): SpanOutline => ({
  spanId,
  parentSpanId,
  serviceName,
  name,
  startTimeNs: BigInt(start),
  endTimeNs: BigInt(end),
});

/**
 * The outline of every span of each of `traceIds`, in no particular order; unknown traces
 * are left out. For tree-shaped work that needs no attributes (a trace comparison),
 * without the resource join. SQLite builds each trace as one JSON array of arrays (for one
 * 10,000-span trace of bench:ui's comparison, 1.2 MB of text to build and parse where
 * readSpansOfTraces' records are 4.4 MB); PostgreSQL sends plain rows, as the TraceQL walk
 * reads them (postgres-spans-of-traces.ts), probing the day partitions from
 * `earliestStartNs` on.
 */
export async function readSpanOutlines(traceIds: readonly string[], earliestStartNs: bigint): Promise<Map<string, SpanOutline[]>> {
  if (traceIds.length === 0) return new Map();
  const outlines = new Map<string, SpanOutline[]>();
  if (resolveDatabaseTarget().provider === "postgresql") {
    const sql = `SELECT s.trace_id, ${TUPLE} FROM spans s WHERE s.trace_id = ANY($1::text[]) AND s.start_time_ns >= $2`;
    for (const [traceId, ...tuple] of await selectRows<[string, ...OutlineTuple]>(postgresPoolOf(getDb()), "spans", sql, [traceIds, earliestStartNs.toString()])) {
      const list = outlines.get(traceId);
      if (list) list.push(toOutline(tuple));
      else outlines.set(traceId, [toOutline(tuple)]);
    }
    return outlines;
  }
  const rows = await getDb().$queryRawUnsafe<Array<{ traceId: string; spans: string }>>(
    `SELECT s.trace_id AS "traceId", json_group_array(json_array(${TUPLE})) AS "spans" FROM spans s WHERE s.trace_id IN (SELECT value FROM json_each(?)) GROUP BY s.trace_id`,
    JSON.stringify(traceIds),
  );
  for (const { traceId, spans } of rows) outlines.set(traceId, (JSON.parse(spans) as OutlineTuple[]).map(toOutline));
  return outlines;
}
