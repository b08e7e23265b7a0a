import "server-only";
import { resolveDatabaseTarget } from "../database-target";
import { getDb } from "../db";
import { ftsToken } from "../attributes/attribute-docs";
import { ATTRIBUTE_SCOPES, valueToken } from "../attributes/attribute-tokens";

/**
 * Past this many matching documents the index hands over to the ordered scan: a value
 * that common fills a page within the first few hundred traces the scan reads (15 ms for
 * http.route=/api/checkout on the bench:query day), where reading, ordering and checking
 * thousands of candidates costs more (PostgreSQL: 133 ms with a limit of 5,000).
 */
export const MAX_CANDIDATE_TRACES = 1_000;

/** An attribute match: the key and every stored value (span-record.ts AttributeValue, as JSON.stringify writes it) that counts as equal. */
export interface TagMatch {
  key: string;
  storedForms: string[];
}

/** The tokens any of which a span holding the tag has: each stored form, in span or resource attributes. */
function tagTokens(tag: TagMatch): number[] {
  return ATTRIBUTE_SCOPES.flatMap((scope) => tag.storedForms.map((form) => valueToken(scope, tag.key, form)));
}

async function indexCoversAllSpans(): Promise<boolean> {
  const gaps = await getDb().$queryRawUnsafe<unknown[]>("SELECT 1 FROM attribute_index_gaps LIMIT 1");
  return gaps.length === 0;
}

/**
 * The traces with a span write whose attributes hold every tag (each through some
 * span, not necessarily one same span: the search checks that on the spans) and whose
 * documents start at or after `startNs`. Null when the index cannot answer: spans
 * stored before it existed, or more than MAX_CANDIDATE_TRACES matching documents.
 */
export async function candidateTraceIds(tags: readonly TagMatch[], startNs: bigint): Promise<string[] | null> {
  if (!(await indexCoversAllSpans())) return null;
  // Documents, not distinct traces, so the scan stops at the limit (a DISTINCT would read
  // every match of a common value first); a trace has one document per write, mostly one.
  const limit = MAX_CANDIDATE_TRACES + 1;
  const rows =
    resolveDatabaseTarget().provider === "sqlite"
      ? await getDb().$queryRawUnsafe<Array<{ traceId: string }>>(
          `SELECT d.trace_id AS "traceId" FROM attribute_index JOIN attribute_docs d ON d.doc_id = attribute_index.rowid
           WHERE attribute_index MATCH ? AND d.start_time_ns >= ? LIMIT ${limit}`,
          tags.map((tag) => `(${tagTokens(tag).map(ftsToken).join(" OR ")})`).join(" AND "),
          startNs,
        )
      : // attribute_docs is partitioned by last_start_ns, never before start_time_ns: the
        // same bound on it leaves out the days before the window.
        await getDb().$queryRawUnsafe<Array<{ traceId: string }>>(
          `SELECT trace_id AS "traceId" FROM attribute_docs
           WHERE ${tags.map((_, index) => `tokens && $${index + 2}::text::bigint[]`).join(" AND ")} AND start_time_ns >= $1 AND last_start_ns >= $1
           LIMIT ${limit}`,
          startNs,
          // Array text (`{1,2}`): the tokens are plain numbers.
          ...tags.map((tag) => `{${tagTokens(tag).join(",")}}`),
        );
  return rows.length >= limit ? null : [...new Set(rows.map((row) => row.traceId))];
}
