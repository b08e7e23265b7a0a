import "server-only";
import type { SpanLink } from "@/lib/domain/span-record";
import { resolveDatabaseTarget } from "../database-target";
import { getDb } from "../db";

/** A span's ids. */
export interface SpanIds {
  traceId: string;
  spanId: string;
}

/** A stored span as the link lists show it, with its own links. */
export interface LinkSpan extends SpanIds {
  serviceName: string;
  name: string;
  startTimeNs: bigint;
  endTimeNs: bigint;
  links: SpanLink[];
}

type LinkSpanRow = Omit<LinkSpan, "startTimeNs" | "endTimeNs" | "links"> & { startTimeNs: string; endTimeNs: string; links: string };

const COLUMNS = `s.trace_id AS "traceId", s.span_id AS "spanId", s.service_name AS "serviceName", s.name,
  CAST(s.start_time_ns AS TEXT) AS "startTimeNs", CAST(s.end_time_ns AS TEXT) AS "endTimeNs", s.links`;

/** PostgreSQL array text of ids (hex digits: nothing to quote). */
const arrayText = (ids: readonly string[]) => `{${ids.join(",")}}`;

const toLinkSpan = (row: LinkSpanRow): LinkSpan => ({
  ...row,
  startTimeNs: BigInt(row.startTimeNs),
  endTimeNs: BigInt(row.endTimeNs),
  links: JSON.parse(row.links) as SpanLink[],
});

/**
 * The stored spans with these ids, each looked up through the spans primary key (its
 * (trace_id, span_id) prefix); ids not stored are left out. A Zipkin span id shared by
 * a client and a server half comes back once, the half of lower kind (the server's).
 */
export async function readSpansByIds(ids: readonly SpanIds[]): Promise<LinkSpan[]> {
  if (ids.length === 0) return [];
  // json_each is the outer loop (CROSS JOIN keeps SQLite's order), so each id is one key lookup.
  const rows =
    resolveDatabaseTarget().provider === "sqlite"
      ? await getDb().$queryRawUnsafe<LinkSpanRow[]>(
          `SELECT ${COLUMNS} FROM json_each(?) AS l CROSS JOIN spans s
           ON s.trace_id = json_extract(l.value, '$[0]') AND s.span_id = json_extract(l.value, '$[1]') ORDER BY s.kind DESC`,
          JSON.stringify(ids.map(({ traceId, spanId }) => [traceId, spanId])),
        )
      : await getDb().$queryRawUnsafe<LinkSpanRow[]>(
          `SELECT ${COLUMNS} FROM unnest($1::text[], $2::text[]) AS l(trace_id, span_id)
           JOIN spans s ON s.trace_id = l.trace_id AND s.span_id = l.span_id ORDER BY s.kind DESC`,
          arrayText(ids.map((id) => id.traceId)),
          arrayText(ids.map((id) => id.spanId)),
        );
  const byIds = new Map(rows.map((row) => [`${row.traceId}/${row.spanId}`, toLinkSpan(row)]));
  return [...byIds.values()];
}

/** The spans of `traceIds` that have links (the candidates of a "linked from" lookup). */
export async function readLinkingSpansOf(traceIds: readonly string[]): Promise<LinkSpan[]> {
  if (traceIds.length === 0) return [];
  const rows =
    resolveDatabaseTarget().provider === "sqlite"
      ? await getDb().$queryRawUnsafe<LinkSpanRow[]>(
          `SELECT ${COLUMNS} FROM spans s WHERE s.trace_id IN (SELECT value FROM json_each(?)) AND s.links <> '[]'`,
          JSON.stringify(traceIds),
        )
      : await getDb().$queryRawUnsafe<LinkSpanRow[]>(`SELECT ${COLUMNS} FROM spans s WHERE s.trace_id = ANY($1::text[]) AND s.links <> '[]'`, arrayText(traceIds));
  return rows.map(toLinkSpan);
}
