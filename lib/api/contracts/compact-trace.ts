import { z } from "zod";
import { TypedAttributes } from "./span-fields";
import { TraceSummary } from "./trace-summary";

/*
 * The trace detail's compact view (`?view=compact`), what the trace page fetches: every
 * span's structure and attributes as columns (one array per field, row i of each is the
 * i-th span depth-first), names, services and keys as indexes into one string table,
 * attribute values into one value table, and each span's resource as an index into a
 * resource table. Event attributes, links and trace state are left out: the span detail
 * reads them per span (`GET .../spans/{spanId}`) when the span is selected.
 *
 * Why this and not pages of subtrees: the waterfall, find box (words and TraceQL),
 * statistics, critical path and flame graph each need every span at once, and a
 * column of numbers costs a few bytes a span where the full answer costs ~800 (5,000
 * spans: 4.0 MB full, 1.0 MB compact; 200,000 spans: see the README's figures).
 */

const Column = z.array(z.number());
const IndexColumn = z.array(z.int());

export const CompactSpans = z.object({
  spanId: z.array(z.string()),
  depth: IndexColumn.meta({ description: "0 for a root or an orphan, the parent's depth + 1 below (the tree parent is the nearest earlier row one level up)" }),
  parentSpanId: IndexColumn.meta({
    description: "-1: no parent id; r >= 0: the id of row r; -2 - k: the k-th of `foreignParents` (a parent id not in the trace)",
  }),
  orphan: IndexColumn.meta({ description: "1 for a top-level span that names a parent (not in the trace, or where a parent loop was cut)" }),
  startNs: Column.meta({ description: "Nanoseconds after the trace's start (exact below 2^53, 104 days)" }),
  durationNs: Column,
  name: IndexColumn.meta({ description: "Index into `strings`" }),
  service: IndexColumn.meta({ description: "Index into `strings`" }),
  kind: IndexColumn.meta({ description: "0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer" }),
  status: IndexColumn.meta({ description: "0 unset, 1 ok, 2 error" }),
  statusMessage: IndexColumn.meta({ description: "Index into `strings`, -1 for none" }),
  resource: IndexColumn.meta({ description: "Index into `resources`" }),
  attributeEnd: IndexColumn.meta({ description: "Row i's attributes are the pairs from attributeEnd[i-1] (0 for the first row) to attributeEnd[i]" }),
  attributes: IndexColumn.meta({ description: "Pairs of (key: index into `strings`, value: index into `values`)" }),
  eventEnd: IndexColumn.meta({ description: "Row i's events are the pairs from eventEnd[i-1] (0 for the first row) to eventEnd[i]" }),
  events: Column.meta({ description: "Pairs of (name: index into `strings`, nanoseconds after the span's start); their attributes come with the span's detail" }),
  linkCount: IndexColumn.meta({ description: "How many links the span has; they come with the span's detail" }),
});
export type CompactSpans = z.infer<typeof CompactSpans>;

export const CompactTrace = z.object({
  view: z.literal("compact"),
  trace: TraceSummary,
  depth: z.int().meta({ description: "Number of levels of the span tree" }),
  count: z.int().meta({ description: "Number of spans: the length of every column" }),
  strings: z.array(z.string()),
  values: z.array(z.json()).meta({ description: "Distinct attribute values in their typed form (see TypedAttributes)" }),
  resources: z.array(z.object({ attributes: TypedAttributes, scope: z.string().nullable().meta({ description: "Scope name and version" }) })),
  foreignParents: z.array(z.string()),
  spans: CompactSpans,
});
export type CompactTrace = z.infer<typeof CompactTrace>;
