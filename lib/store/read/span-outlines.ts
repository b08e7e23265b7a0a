import "server-only";
import type { SpanOutline } from "@/lib/domain/span-outline";
import { resolveDatabaseTarget } from "../database-target";
import { getDb } from "../db";


type OutlineTuple = [spanId: string, parentSpanId: string | null, serviceName: string, name: string, startTimeNs: string, endTimeNs: string];

const TUPLE = "s.span_id, s.parent_span_id, s.service_name, s.name, CAST(s.start_time_ns AS TEXT), CAST(s.end_time_ns AS TEXT)";

/**
 * The outline of every span of each of `traceIds`, in no particular order; unknown traces
 * are left out. For tree-shaped work that needs no attributes (a trace comparison): each
 * trace is one JSON array of arrays built by the database, without the resource join.
 * For one 10,000-span trace of bench:ui's comparison that is 1.2 MB of text to build and
 * parse where readSpansOfTraces' records are 4.4 MB. `earliestStartNs` lets PostgreSQL
 * probe the day partitions from the traces' start on, as readSpansOfTraces does.
 */
export async function readSpanOutlines(traceIds: readonly string[], earliestStartNs: bigint): Promise<Map<string, SpanOutline[]>> {
  if (traceIds.length === 0) return new Map();
  const sqlite = resolveDatabaseTarget().provider === "sqlite";
  const rows = sqlite
    ? await getDb().$queryRawUnsafe<Array<{ traceId: string; spans: string }>>(
        `SELECT s.trace_id AS "traceId", json_group_array(json_array(${TUPLE})) AS "spans" FROM spans s WHERE s.trace_id IN (SELECT value FROM json_each(?)) GROUP BY s.trace_id`,
        JSON.stringify(traceIds),
      )
    : await getDb().$queryRawUnsafe<Array<{ traceId: string; spans: string }>>(
        `SELECT s.trace_id AS "traceId", CAST(json_agg(json_build_array(${TUPLE})) AS TEXT) AS "spans" FROM spans s WHERE s.trace_id = ANY($1::text[]) AND s.start_time_ns >= $2 GROUP BY s.trace_id`,
        `{${traceIds.join(",")}}`,
        earliestStartNs,
      );
  return new Map(
    rows.map(({ traceId, spans }) => [
      traceId,
      (JSON.parse(spans) as OutlineTuple[]).map(([spanId, parentSpanId, serviceName, name, start, end]) => ({
        spanId,
        parentSpanId,
        serviceName,
        name,
        startTimeNs: BigInt(start),
        endTimeNs: BigInt(end),
      })),
    ]),
  );
}
