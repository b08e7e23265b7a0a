import { z } from "zod";
import { TypedAttributes } from "./span-fields";
import { TraceSummary } from "./trace-summary";

/*
 * The trace detail's compact view (`?view=compact`), what the trace page fetches: every
 * span's structure and attributes as columns (one binary array per field, row i of each
 * is the i-th span depth-first), names, services and keys as indexes into one string table,
 * attribute values into one value table, and each span's resource as an index into a
 * resource table. Event attributes, links and trace state are left out: the span detail
 * reads them per span (`GET .../spans/{spanId}`) when the span is selected.
 *
 * Why one compact answer and not pages of subtrees: the waterfall, find box (words and
 * TraceQL), statistics, critical path and flame graph each need every span at once, and
 * columns cost ~130 bytes a span where the full answer costs ~630. Measured on 2 cores:
 * 5,000 spans 0.99 MB compact against 4.0 MB full, p95 17 ms against 30 ms (bench:query,
 * cached answers, load average 2); 200,000 spans 25.8 MB against 126.9 MB, first rows in
 * the page 0.78 s after navigation, 60 fps scrolling, 62 MB of JS heap (bench:ui, load
 * average 1.5; 1.9 s, 58 fps at load 8). Columns are binary (little-endian, base64): as
 * JSON number arrays the page spent ~0.5 s more on JSON.parse and zod for 200,000 spans.
 */

/** A column of `count` values (or pairs, as described) packed as little-endian binary in base64. */
const Int32s = (description: string) => z.base64().meta({ description: `Int32 values, little-endian, base64. ${description}` });
const Float64s = (description: string) => z.base64().meta({ description: `Float64 values, little-endian, base64. ${description}` });
const Uint8s = (description: string) => z.base64().meta({ description: `Uint8 values, base64. ${description}` });

export const CompactSpans = z.object({
  spanIds: z
    .string()
    .regex(/^[0-9a-f]*$/)
    .meta({ description: "Every row's span id, 16 hex digits each, one after another" }),
  depth: Int32s("0 for a root or an orphan, the parent's depth + 1 below (the tree parent is the nearest earlier row one level up)"),
  parentSpanId: Int32s("-1: no parent id; r >= 0: the id of row r; -2 - k: the k-th of `foreignParents` (a parent id not in the trace)"),
  orphan: Uint8s("1 for a top-level span that names a parent (not in the trace, or where a parent loop was cut)"),
  startNs: Float64s("Nanoseconds after the trace's start (exact below 2^53, 104 days)"),
  durationNs: Float64s("Nanoseconds"),
  name: Int32s("Index into `strings`"),
  service: Int32s("Index into `strings`"),
  kind: Uint8s("0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer"),
  status: Uint8s("0 unset, 1 ok, 2 error"),
  statusMessage: Int32s("Index into `strings`, -1 for none"),
  resource: Int32s("Index into `resources`"),
  attributeEnd: Int32s("Row i's attributes are the pairs from attributeEnd[i-1] (0 for the first row) up to attributeEnd[i]"),
  attributes: Int32s("Pairs of (key: index into `strings`, value: index into `values`)"),
  eventEnd: Int32s("Row i's events are eventEnd[i-1] (0 for the first row) up to eventEnd[i]"),
  eventName: Int32s("One per event: index into `strings`"),
  eventOffsetNs: Float64s("One per event: nanoseconds after its span's start; the attributes come with the span's detail"),
  linkCount: Int32s("How many links the span has; they come with the span's detail"),
});
export type CompactSpans = z.infer<typeof CompactSpans>;

export const CompactTrace = z.object({
  view: z.literal("compact"),
  trace: TraceSummary,
  depth: z.int().meta({ description: "Number of levels of the span tree" }),
  count: z.int().min(0).meta({ description: "Number of spans: the length of every per-row column" }),
  strings: z.array(z.string()),
  values: z.array(z.json()).meta({ description: "Distinct attribute values in their typed form (see TypedAttributes)" }),
  resources: z.array(z.object({ attributes: TypedAttributes, scope: z.string().nullable().meta({ description: "Scope name and version" }) })),
  foreignParents: z.array(z.string()),
  spans: CompactSpans,
});
export type CompactTrace = z.infer<typeof CompactTrace>;
