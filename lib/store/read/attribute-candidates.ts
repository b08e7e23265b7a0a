import "server-only";
import { resolveDatabaseTarget } from "../database-target";
import { getDb } from "../db";
import { ftsToken } from "../attributes/attribute-docs";
import { ATTRIBUTE_SCOPES, presenceToken, valueToken, type AttributeScope } from "../attributes/attribute-tokens";

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

/**
 * A condition the attribute index can answer for one span: an attribute holding one of
 * its stored forms (or, with `storedForms` null, being present) in a scope (`any`: the
 * span's or its resource's attributes), and AND/OR of such. A span lives in one
 * document, so a formula over one span's attributes is checked within one document.
 */
export type AttributeFormula =
  | { key: string; scope: AttributeScope | "any"; storedForms: readonly string[] | null }
  | { all: readonly AttributeFormula[] }
  | { any: readonly AttributeFormula[] };

/** The tokens any of which a document holding the attribute term has. */
function termTokens(term: Extract<AttributeFormula, { key: string }>): number[] {
  const scopes = term.scope === "any" ? ATTRIBUTE_SCOPES : [term.scope];
  return scopes.flatMap((scope) => (term.storedForms === null ? [presenceToken(scope, term.key)] : term.storedForms.map((form) => valueToken(scope, term.key, form))));
}

/** The formula as an FTS5 query (SQLite) or an SQL condition on the tokens array with its bound arrays (PostgreSQL, from `$2`). */
function formulaSql(formula: AttributeFormula, sqlite: boolean, arrays: string[]): string {
  if ("key" in formula) {
    const tokens = termTokens(formula);
    if (sqlite) return `(${tokens.map(ftsToken).join(" OR ")})`;
    // Array text (`{1,2}`): the tokens are plain numbers.
    arrays.push(`{${tokens.join(",")}}`);
    return `tokens && $${arrays.length + 1}::text::bigint[]`;
  }
  const [parts, joiner] = "all" in formula ? [formula.all, " AND "] : [formula.any, " OR "];
  return `(${parts.map((part) => formulaSql(part, sqlite, arrays)).join(joiner)})`;
}

/** False while spans stored before the index existed remain: the index cannot vouch for them. */
export async function indexCoversAllSpans(): Promise<boolean> {
  const gaps = await getDb().$queryRawUnsafe<unknown[]>("SELECT 1 FROM attribute_index_gaps LIMIT 1");
  return gaps.length === 0;
}

/**
 * The traces with a document (the spans of one write) matching `formula`, among the
 * documents starting at or after `startNs`. Null when the index cannot answer: spans
 * stored before it existed, or more than MAX_CANDIDATE_TRACES matching documents.
 */
export async function candidateTraceIdsFor(formula: AttributeFormula, startNs: bigint): Promise<string[] | null> {
  if (!(await indexCoversAllSpans())) return null;
  // Documents, not distinct traces, so the scan stops at the limit (a DISTINCT would read
  // every match of a common value first); a trace has one document per write, mostly one.
  const limit = MAX_CANDIDATE_TRACES + 1;
  const arrays: string[] = [];
  const rows =
    resolveDatabaseTarget().provider === "sqlite"
      ? await getDb().$queryRawUnsafe<Array<{ traceId: string }>>(
          `SELECT d.trace_id AS "traceId" FROM attribute_index JOIN attribute_docs d ON d.doc_id = attribute_index.rowid
           WHERE attribute_index MATCH ? AND d.start_time_ns >= ? LIMIT ${limit}`,
          formulaSql(formula, true, arrays),
          startNs,
        )
      : // attribute_docs is partitioned by last_start_ns, never before start_time_ns: the
        // same bound on it leaves out the days before the window.
        await getDb().$queryRawUnsafe<Array<{ traceId: string }>>(
          `SELECT trace_id AS "traceId" FROM attribute_docs
           WHERE ${formulaSql(formula, false, arrays)} AND start_time_ns >= $1 AND last_start_ns >= $1 LIMIT ${limit}`,
          startNs,
          ...arrays,
        );
  return rows.length >= limit ? null : [...new Set(rows.map((row) => row.traceId))];
}

/**
 * The traces with a span write whose attributes hold every tag (each through some
 * span, not necessarily one same span: the search checks that on the spans) in span or
 * resource attributes; null when the index cannot answer (see candidateTraceIdsFor).
 */
export function candidateTraceIds(tags: readonly TagMatch[], startNs: bigint): Promise<string[] | null> {
  return candidateTraceIdsFor({ all: tags.map(({ key, storedForms }) => ({ key, scope: "any", storedForms })) }, startNs);
}
