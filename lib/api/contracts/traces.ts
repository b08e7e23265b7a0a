import { z } from "zod";
import { DurationParam } from "@/lib/query/params/duration";
import { SpanKindParam, StatusParam } from "@/lib/query/params/span-enum-params";
import { TagsParam } from "@/lib/query/params/tags";
import { timeWindowShape, windowInOrder, type WindowBounds } from "@/lib/query/params/time-window";
import { TraceQLParam } from "@/lib/query/params/traceql";
import { TraceCursorParam } from "@/lib/query/traces/trace-cursor";
import { defineEndpoint } from "../endpoint";
import { CompactTrace } from "./compact-trace";
import { OtlpTraceExport } from "./otlp-trace";
import { SpanKindName, StatusName, TypedAttributes } from "./span-fields";
import { TraceSummary, UnixNano } from "./trace-summary";

export const MAX_TRACE_LIMIT = 1500;
export const DEFAULT_TRACE_LIMIT = 20;
/** Matched spans listed per trace of a TraceQL search by default, as Tempo's `spss`. */
export const DEFAULT_SPANS_PER_SPAN_SET = 3;
export const MAX_SPANS_PER_SPAN_SET = 100;

const TRACE_ID = /^[0-9a-fA-F]{32}$/;

/** The form filters a TraceQL query replaces: it states them itself. */
const FORM_FILTERS = ["service", "operation", "kind", "status", "minDuration", "maxDuration", "tags"] as const;

function traceQLAlone(query: { q?: unknown; spanDuration: boolean } & Partial<Record<(typeof FORM_FILTERS)[number], unknown>>, context: z.RefinementCtx) {
  if (query.q === undefined) return;
  const given = [...FORM_FILTERS.filter((name) => query[name] !== undefined), ...(query.spanDuration ? ["spanDuration"] : [])];
  if (given.length > 0) {
    context.addIssue({
      code: "custom",
      path: ["q"],
      message: `q cannot be combined with ${given.join(", ")}: write the condition in the query (e.g. { resource.service.name = "checkout" && duration > 100ms })`,
    });
  }
}

function durationsInOrder(query: { minDuration?: bigint; maxDuration?: bigint }, context: z.RefinementCtx) {
  if (query.minDuration !== undefined && query.maxDuration !== undefined && query.minDuration > query.maxDuration) {
    context.addIssue({ code: "custom", path: ["minDuration"], message: "minDuration must not be above maxDuration" });
  }
}

export const TraceSearchQuery = z
  .object({
    service: z.string().min(1).optional().meta({ description: "The trace has a span of this service; span-level filters then apply to spans of this service" }),
    excludeService: z
      .union([z.string().min(1), z.array(z.string().min(1))])
      .transform((given) => (typeof given === "string" ? [given] : given))
      .optional()
      .meta({
        description:
          "Leave out traces whose root service is this one (the parameter may repeat); the dashboard passes `traceboard` so the server's own traces stay out of the list",
        examples: ["traceboard"],
      }),
    operation: z.string().min(1).optional().meta({ description: "Span name (span-level)" }),
    kind: SpanKindParam.optional().meta({ description: "Span kind (span-level)" }),
    status: StatusParam.optional().meta({ description: "Span status (span-level)" }),
    minDuration: DurationParam.optional(),
    maxDuration: DurationParam.optional(),
    spanDuration: z
      .enum(["true", "false"])
      .default("false")
      .transform((flag) => flag === "true")
      .meta({ description: "true: min/maxDuration apply to a span (span-level) instead of the whole trace" }),
    ...timeWindowShape,
    tags: TagsParam.optional(),
    q: TraceQLParam.optional(),
    spss: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_SPANS_PER_SPAN_SET)
      .default(DEFAULT_SPANS_PER_SPAN_SET)
      .meta({ description: "With `q`: how many matched spans each trace lists (its `spanSet.matched` counts them all), as Tempo's spss" }),
    limit: z.coerce.number().int().min(1).max(MAX_TRACE_LIMIT).default(DEFAULT_TRACE_LIMIT),
    cursor: TraceCursorParam.optional(),
  })
  .superRefine((query, context) => {
    windowInOrder()(query as WindowBounds, context);
    durationsInOrder(query, context);
    traceQLAlone(query, context);
  });
export type TraceSearchQuery = z.output<typeof TraceSearchQuery>;

export const MatchedSpan = z.object({
  spanId: z.string(),
  name: z.string(),
  serviceName: z.string(),
  startTimeUnixNano: UnixNano,
  durationMs: z.number(),
});
export type MatchedSpan = z.infer<typeof MatchedSpan>;

export const SpanSet = z
  .object({
    spans: z.array(MatchedSpan).meta({ description: "The first `spss` matched spans by start time" }),
    matched: z.number().int().meta({ description: "How many spans of the trace the query matched" }),
  })
  .meta({ description: "With `q`: the spans of the trace the query selected, as Tempo's span sets" });
export type SpanSet = z.infer<typeof SpanSet>;

export const SearchedTrace = TraceSummary.extend({ spanSet: SpanSet.optional() });
export type SearchedTrace = z.infer<typeof SearchedTrace>;

export const TraceSearchResult = z.object({
  traces: z.array(SearchedTrace),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` (same filters) for the next page; null on the last page" }),
  durationFilter: z.enum(["trace", "span"]).meta({ description: "What minDuration/maxDuration were applied to: the whole trace, or one matching span" }),
  window: z.object({ startTimeUnixNano: UnixNano, endTimeUnixNano: UnixNano }).meta({ description: "The trace start window searched" }),
  traceql: z
    .object({
      query: z.string().meta({ description: "The query as parsed, in canonical form (every nested operation in parentheses)" }),
      scanLimited: z.boolean().meta({
        description:
          "True when the attribute index could not narrow the query and the search inspected its budget of traces before filling the page: the page may be short, and nextCursor continues where it stopped",
      }),
    })
    .optional()
    .meta({ description: "With `q`: how the query was read and searched" }),
});
export type TraceSearchResult = z.infer<typeof TraceSearchResult>;

export const SearchTracesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/traces",
  summary: "Search traces",
  description: [
    "Newest first by trace start (ties by trace id). Trace-level filters: `service` (the trace has a span of it),",
    "`excludeService` (the trace's root service is none of them),",
    "the time window (on the trace start) and, by default, `minDuration`/`maxDuration` on the trace duration.",
    "Span-level filters, `operation`, `kind`, `status`, `tags` and (with `spanDuration=true`) the durations,",
    "must all hold on one same span, which must belong to `service` when given (as in Jaeger).",
    "A tag matches a span attribute or a resource attribute; a typed value matches its text form",
    "(`500` matches the int 500 and the double 500.0, `true` the boolean).",
    "`q` takes a TraceQL query instead of the form filters (it cannot be combined with them; `excludeService`, the window, `limit` and `cursor` apply):",
    "each trace then lists the spans the query selected (`spanSet`). Equality and presence conditions go to the attribute index first;",
    "a query without one walks the window's traces newest first for a bounded number of traces (`traceql.scanLimited`).",
  ].join(" "),
  tags: ["traces"],
  query: TraceSearchQuery,
  response: TraceSearchResult,
  errors: [400],
  access: "read",
});

export const TraceIdParams = z.object({
  traceId: z
    .string()
    .regex(TRACE_ID, "a trace id is 32 hex digits")
    .transform((id) => id.toLowerCase()),
});

/** A stored span with every field, as the trace detail and the span route answer it. */
export const StoredSpan = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().nullable(),
  name: z.string(),
  kind: SpanKindName,
  serviceName: z.string(),
  startTimeUnixNano: UnixNano,
  endTimeUnixNano: UnixNano,
  durationMs: z.number(),
  status: z.object({ code: StatusName, message: z.string().nullable() }),
  attributes: TypedAttributes,
  resourceAttributes: TypedAttributes,
  events: z.array(z.object({ name: z.string(), timeUnixNano: UnixNano, attributes: TypedAttributes })),
  links: z.array(z.object({ traceId: z.string(), spanId: z.string(), traceState: z.string().nullable(), attributes: TypedAttributes })),
  scope: z.object({ name: z.string().nullable(), version: z.string().nullable() }),
  traceState: z.string().nullable(),
});
export type StoredSpan = z.infer<typeof StoredSpan>;

export const TraceSpan = StoredSpan.extend({
  depth: z.number().int().meta({ description: "0 for a root or an orphan" }),
  orphan: z
    .boolean()
    .meta({ description: "A top-level span that names a parent not in the trace (or where a parent loop was cut): shown beside the roots" }),
  childCount: z.number().int(),
});
export type TraceSpan = z.infer<typeof TraceSpan>;

export const TraceDetail = z.object({
  trace: TraceSummary,
  depth: z.number().int().meta({ description: "Number of levels of the span tree" }),
  spans: z.array(TraceSpan).meta({ description: "Depth-first: each span followed by its subtree, siblings by start time" }),
});
export type TraceDetail = z.infer<typeof TraceDetail>;

export const TraceDetailQuery = z.object({
  format: z.enum(["json", "otlp"]).default("json").meta({ description: "`otlp`: the trace as an OTLP/JSON ExportTraceServiceRequest" }),
  view: z.enum(["full", "compact"]).default("full").meta({
    description:
      "`compact`: every span's structure and attributes as columns, without event attributes, links and trace state (read per span from `.../spans/{spanId}`); what the dashboard fetches, a quarter of the size",
  }),
});

export const GetTraceEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/traces/{traceId}",
  summary: "One trace: every span in parent/child order, as columns (`view=compact`), or the trace as OTLP/JSON",
  tags: ["traces"],
  params: TraceIdParams,
  query: TraceDetailQuery,
  response: z.union([TraceDetail, CompactTrace, OtlpTraceExport]),
  errors: [400, 404],
  access: "read",
});
