import "server-only";
import { resolveDatabaseTarget } from "../database-target";
import { getDb } from "../db";
import { ftsToken } from "../attributes/attribute-docs";
import { linkTargetToken } from "../attributes/attribute-tokens";

/** Documents read at most for one span's "linked from": a span that more traces link to is answered in part. */
export const MAX_LINKING_DOCS = 500;

export interface LinkCandidates {
  /** Traces with a span write holding a link to the span (a hash collision only adds one). */
  traceIds: string[];
  /** False when spans stored before link tokens existed remain, or past MAX_LINKING_DOCS. */
  complete: boolean;
}

/**
 * The traces whose spans may link to span `spanId` of trace `traceId`, from the link
 * target tokens of the attribute index (FTS5 on SQLite, the GIN-indexed array on
 * PostgreSQL): a lookup by the span's ids, whatever the number of stored spans, without
 * reading any span's links. Kept in the attribute index's documents rather than a table
 * of (target, linking span) rows: they are written in the same transaction and removed
 * by the same retention, and a link costs one token where a row would cost an index entry.
 */
export async function tracesLinkingTo(traceId: string, spanId: string): Promise<LinkCandidates> {
  const token = linkTargetToken(traceId, spanId);
  const limit = MAX_LINKING_DOCS + 1;
  const [rows, gaps] = await Promise.all([
    resolveDatabaseTarget().provider === "sqlite"
      ? getDb().$queryRawUnsafe<Array<{ traceId: string }>>(
          `SELECT d.trace_id AS "traceId" FROM attribute_index JOIN attribute_docs d ON d.doc_id = attribute_index.rowid
           WHERE attribute_index MATCH ? LIMIT ${limit}`,
          ftsToken(token),
        )
      : getDb().$queryRawUnsafe<Array<{ traceId: string }>>(
          `SELECT trace_id AS "traceId" FROM attribute_docs WHERE tokens @> ARRAY[$1::text::bigint] LIMIT ${limit}`,
          String(token),
        ),
    getDb().$queryRawUnsafe<unknown[]>("SELECT 1 FROM link_index_gaps LIMIT 1"),
  ]);
  return {
    traceIds: [...new Set(rows.slice(0, MAX_LINKING_DOCS).map((row) => row.traceId))],
    complete: rows.length < limit && gaps.length === 0,
  };
}
