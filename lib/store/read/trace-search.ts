import "server-only";
import { resolveDatabaseTarget } from "../database-target";
import { getDb } from "../db";
import { SqlParams } from "../sql-params";
import { candidateTraceIds, type TagMatch } from "./attribute-candidates";

/** A trace list's sort key: newest start first, ties by trace id descending. */
export interface TraceKey {
  startTimeNs: bigint;
  traceId: string;
}

export type { TagMatch } from "./attribute-candidates";

/** Conditions that must all hold on one same span of the trace (as in Jaeger). */
export interface SpanConditions {
  serviceName?: string;
  name?: string;
  kind?: number;
  statusCode?: number;
  minDurationNs?: bigint;
  maxDurationNs?: bigint;
  tags: TagMatch[];
  /** Zipkin's annotationQuery words: each is an attribute key of the span or the name of one of its events. */
  words?: readonly string[];
}

export interface TraceSearchQuery {
  /** Trace start window, inclusive. */
  startNs: bigint;
  endNs: bigint;
  /** The trace has a span of this service. */
  serviceName?: string;
  /** The trace's root service is none of these. */
  excludedRootServices: readonly string[];
  minDurationNs?: bigint;
  maxDurationNs?: bigint;
  /** Each must hold on some span of the trace (all of one on one same span); empty when none is asked. */
  spans: readonly SpanConditions[];
  /** Only traces after this one in the list order (newest first, ties by trace id descending). */
  after: TraceKey | null;
  limit: number;
}

/**
 * One tag on span `s`: its attributes, or its resource's, hold one of the stored forms.
 * Attribute objects are stored as JSON.stringify writes them, so a span holding the value
 * has the text `"key":form` verbatim: that substring test skips every other span before
 * the JSON is parsed (on PostgreSQL the jsonb cast of every span's attributes took most of
 * a common-value search: 106 ms on the bench:query day). The parse then confirms it, since
 * the text could also sit inside a nested key-value list.
 */
function tagCondition(tag: TagMatch, params: SqlParams): string {
  const pairs = tag.storedForms.map((form) => `${JSON.stringify(tag.key)}:${form}`);
  // Placeholders are added in the order they appear in the text (SQLite's `?` are positional).
  const holds = (column: string) => {
    if (params.dialect === "sqlite") {
      const present = pairs.map((pair) => `instr(${column}, ${params.add(pair)}) > 0`).join(" OR ");
      const value = `${column} -> ${params.add(`$.${JSON.stringify(tag.key)}`)}`;
      return `((${present}) AND (${value}) IN (${tag.storedForms.map((form) => params.add(form)).join(", ")}))`;
    }
    const present = pairs.map((pair) => `strpos(${column}, ${params.add(pair)}) > 0`).join(" OR ");
    const value = `${column}::jsonb -> ${params.add(tag.key)}::text`;
    return `((${present}) AND (${value}) IN (${tag.storedForms.map((form) => `${params.add(form)}::jsonb`).join(", ")}))`;
  };
  const resourceHolds = `EXISTS (SELECT 1 FROM span_resources r WHERE r.id = s.resource_id AND ${holds("r.attributes")})`;
  return `(${holds("s.attributes")} OR ${resourceHolds})`;
}

/**
 * One word on span `s`: an attribute key of the span or its resource, or an event name.
 * The substring tests skip the JSON parse of spans that cannot hold it.
 */
function wordCondition(word: string, params: SqlParams): string {
  const key = `${JSON.stringify(word)}:`;
  const sqlite = params.dialect === "sqlite";
  // Placeholders are added in the order they appear in the text (SQLite's `?` are positional).
  const hasKey = (column: string) =>
    sqlite
      ? `(instr(${column}, ${params.add(key)}) > 0 AND json_type(${column}, ${params.add(`$.${JSON.stringify(word)}`)}) IS NOT NULL)`
      : `(strpos(${column}, ${params.add(key)}) > 0 AND jsonb_exists(${column}::jsonb, ${params.add(word)}))`;
  const spanKey = hasKey("s.attributes");
  const resourceKey = `EXISTS (SELECT 1 FROM span_resources r WHERE r.id = s.resource_id AND ${hasKey("r.attributes")})`;
  const event = sqlite
    ? `(instr(s.events, ${params.add(JSON.stringify(word))}) > 0 AND EXISTS (SELECT 1 FROM json_each(s.events) e WHERE json_extract(e.value, '$.name') = ${params.add(word)}))`
    : `(strpos(s.events, ${params.add(JSON.stringify(word))}) > 0 AND EXISTS (SELECT 1 FROM jsonb_array_elements(s.events::jsonb) e WHERE e ->> 'name' = ${params.add(word)}))`;
  return `(${spanKey} OR ${resourceKey} OR ${event})`;
}

function spanExists(span: SpanConditions, params: SqlParams): string {
  // SQLite would walk the (service_name, start_time_ns) index for the service instead of
  // the trace's own spans by primary key; a unary plus keeps that index out.
  const unindexed = params.dialect === "sqlite" ? "+" : "";
  const conditions = ["s.trace_id = t.trace_id"];
  if (span.serviceName !== undefined) conditions.push(`${unindexed}s.service_name = ${params.add(span.serviceName)}`);
  if (span.name !== undefined) conditions.push(`s.name = ${params.add(span.name)}`);
  if (span.kind !== undefined) conditions.push(`s.kind = ${params.add(span.kind)}`);
  if (span.statusCode !== undefined) conditions.push(`s.status_code = ${params.add(span.statusCode)}`);
  if (span.minDurationNs !== undefined) conditions.push(`s.duration_ns >= ${params.add(span.minDurationNs)}`);
  if (span.maxDurationNs !== undefined) conditions.push(`s.duration_ns <= ${params.add(span.maxDurationNs)}`);
  for (const tag of span.tags) conditions.push(tagCondition(tag, params));
  for (const word of span.words ?? []) conditions.push(wordCondition(word, params));
  return `EXISTS (SELECT 1 FROM spans s WHERE ${conditions.join(" AND ")})`;
}

/** Candidates checked per statement: a rare value's few traces take one, a page of a commoner one a few. */
const CANDIDATES_PER_CHECK = 200;

/**
 * The keys of one page of matching traces, in list order. Without candidates the scan
 * walks an index in that order (traces by start, or trace_services by service and
 * start) and stops once the page is full; with candidates (traces the attribute index
 * found) it reads only those. Span conditions are checked per trace through the spans'
 * primary key (trace_id first).
 */
export async function readTraceKeys(query: TraceSearchQuery, limit: number, candidates: readonly string[] | null): Promise<TraceKey[]> {
  const params = new SqlParams(resolveDatabaseTarget().provider);
  const sqlite = params.dialect === "sqlite";
  // `d` drives the scan: the candidates' traces, trace_services when a service is asked, else traces itself.
  const byService = query.serviceName !== undefined && candidates === null;
  const from = candidates
    ? sqlite
      ? `json_each(${params.add(JSON.stringify(candidates))}) c CROSS JOIN traces t ON t.trace_id = c.value`
      : `unnest(${params.add(`{${candidates.join(",")}}`)}::text[]) AS c(trace_id) JOIN traces t ON t.trace_id = c.trace_id`
    : byService
      ? "trace_services d JOIN traces t ON t.trace_id = d.trace_id"
      : "traces t";
  const d = byService ? "d" : "t";
  const where = [`${d}.start_time_ns >= ${params.add(query.startNs)}`, `${d}.start_time_ns <= ${params.add(query.endNs)}`];
  if (byService) where.push(`d.service_name = ${params.add(query.serviceName!)}`);
  else if (query.serviceName !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM trace_services d WHERE d.trace_id = t.trace_id AND d.service_name = ${params.add(query.serviceName)})`);
  }
  if (query.after) {
    const start = query.after.startTimeNs;
    where.push(`${d}.start_time_ns <= ${params.add(start)}`);
    where.push(`(${d}.start_time_ns < ${params.add(start)} OR ${d}.trace_id < ${params.add(query.after.traceId)})`);
  }
  if (query.excludedRootServices.length > 0) {
    where.push(`t.root_service NOT IN (${query.excludedRootServices.map((service) => params.add(service)).join(", ")})`);
  }
  if (query.minDurationNs !== undefined) where.push(`t.duration_ns >= ${params.add(query.minDurationNs)}`);
  if (query.maxDurationNs !== undefined) where.push(`t.duration_ns <= ${params.add(query.maxDurationNs)}`);
  for (const span of query.spans) where.push(spanExists(span, params));
  const sql = `SELECT ${d}.trace_id AS "traceId", CAST(${d}.start_time_ns AS TEXT) AS "startTimeNs"
    FROM ${from} WHERE ${where.join(" AND ")}
    ORDER BY ${d}.start_time_ns DESC, ${d}.trace_id DESC LIMIT ${Math.trunc(limit)}`;
  const rows = await getDb().$queryRawUnsafe<Array<{ traceId: string; startTimeNs: string }>>(sql, ...params.values);
  return rows.map((row) => ({ traceId: row.traceId, startTimeNs: BigInt(row.startTimeNs) }));
}

/**
 * The keys of one page of matching traces, in list order. Tags go to the attribute
 * index first: its candidates are put in list order by a cheap read without the span
 * conditions, then checked in that order a slice at a time until the page is full, so
 * a search for a rare or absent value reads a handful of traces whatever the window holds.
 */
export async function searchTraceKeys(query: TraceSearchQuery): Promise<TraceKey[]> {
  // One document holds the spans of one write, so the index ANDs the tags of one span only.
  const tags = query.spans.length === 1 ? query.spans[0].tags : [];
  const candidates = tags.length > 0 ? await candidateTraceIds(tags, query.startNs) : null;
  if (candidates === null) return readTraceKeys(query, query.limit, null);
  if (candidates.length === 0) return [];
  const ordered = await readTraceKeys({ ...query, spans: [] }, candidates.length, candidates);
  const keys: TraceKey[] = [];
  for (let from = 0; from < ordered.length && keys.length < query.limit; from += CANDIDATES_PER_CHECK) {
    const slice = ordered.slice(from, from + CANDIDATES_PER_CHECK).map((key) => key.traceId);
    keys.push(...(await readTraceKeys(query, query.limit - keys.length, slice)));
  }
  return keys;
}
