import { z } from "zod";
import { CountParam, orBlank } from "@/lib/query/params/blank";
import { tempoTraceIdParam } from "@/lib/query/params/tempo-trace-id";
import { countParam, goDurationParam, LenientTraceQLParam, LogfmtTagsParam, startBeforeEnd, unixSecondsParam } from "@/lib/query/params/tempo-params";
import { TraceFilterParam } from "@/lib/query/params/trace-filter";
import { TraceQLParam } from "@/lib/query/params/traceql";
import { defineEndpoint, type Endpoint } from "../endpoint";
import { UnixNano } from "./trace-summary";

/**
 * Grafana Tempo's HTTP query API (Tempo's docs/sources/tempo/api_docs, pkg/api/http.go and
 * search_tags.go, the JSON of pkg/tempopb/tempo.proto as gogo's jsonpb writes it), served
 * under `/tempo` so Grafana's Tempo data source takes `http://host:3000/tempo` as its URL.
 * Errors are plain text, as Tempo answers them.
 */

const TEMPO_DOCS = { url: "https://grafana.com/docs/tempo/latest/api_docs/", description: "Tempo HTTP API" };
const TAGS = ["tempo"];
const TEXT = "text/plain";
const PROTOBUF = "application/protobuf";

/** Largest `limit` of a search (Tempo's is configurable; this is the project's trace-list maximum). */
export const MAX_TEMPO_LIMIT = 1500;
/** Tempo's default_spans_per_span_set and max_spans_per_span_set. */
export const DEFAULT_TEMPO_SPSS = 3;
export const MAX_TEMPO_SPSS = 100;

/** Tempo's error answers: the message as text. */
export const TempoErrorText = z.string().meta({ id: "TempoErrorText", description: "What went wrong, as plain text (Tempo's error answers)" });

/** A Tempo route's contract: GET, read access, Tempo's docs, plain-text errors. */
function tempoEndpoint<E extends Omit<Endpoint, "method" | "tags" | "access">>(endpoint: E) {
  return defineEndpoint({
    method: "GET" as const,
    tags: TAGS,
    externalDocs: TEMPO_DOCS,
    mediaTypes: { error: TEXT },
    errorBody: TempoErrorText,
    access: "read" as const,
    ...endpoint,
  });
}

const KeyValue = z.object({
  key: z.string(),
  value: z.json().meta({ description: "AnyValue as jsonpb writes it: {stringValue}, {intValue: decimal string}, {doubleValue}, {boolValue}, {arrayValue: {values}}, {kvlistValue: {values}}, {bytesValue: base64}" }),
});

const WINDOW = {
  start: orBlank(unixSecondsParam("start")).meta({ description: "Unix epoch seconds" }),
  end: orBlank(unixSecondsParam("end")).meta({ description: "Unix epoch seconds" }),
};

// ---- echo and build information

export const GetTempoEchoEndpoint = tempoEndpoint({
  path: "/tempo/api/echo",
  summary: "Tempo: echo (Grafana's data source test)",
  description: "Answers `echo` as text, as Tempo's query frontend does when it is ready.",
  response: z.literal("echo"),
  mediaTypes: { response: TEXT, error: TEXT },
  errors: [401],
});

export const TempoBuildInfo = z.object({
  version: z.string().meta({ description: "Traceboard's own version, not a Tempo release" }),
  revision: z.string(),
  branch: z.string(),
  buildUser: z.string(),
  buildDate: z.string(),
  goVersion: z.string().meta({ description: "Empty: no Go here" }),
});
export type TempoBuildInfo = z.infer<typeof TempoBuildInfo>;

export const GetTempoBuildInfoEndpoint = tempoEndpoint({
  path: "/tempo/api/status/buildinfo",
  summary: "Tempo: build information",
  response: TempoBuildInfo,
  errors: [401],
});

// ---- search

export const TempoMatchedSpan = z.object({
  spanID: z.string().meta({ description: "16 hex digits" }),
  name: z.string().optional(),
  startTimeUnixNano: UnixNano,
  durationNanos: z.string().regex(/^\d+$/).optional().meta({ description: "Nanoseconds as a decimal string; left out when 0" }),
  attributes: z.array(KeyValue).optional().meta({ description: "The attributes and intrinsics (status, kind, statusMessage) the query names, with `service.name`" }),
});
export type TempoMatchedSpan = z.infer<typeof TempoMatchedSpan>;

export const TempoSpanSet = z.object({
  spans: z.array(TempoMatchedSpan).meta({ description: "The first `spss` matched spans by start time" }),
  matched: z.number().int().meta({ description: "How many spans of the trace the query matched" }),
});
export type TempoSpanSet = z.infer<typeof TempoSpanSet>;

export const TempoTraceSearchMetadata = z
  .object({
    traceID: z.string().meta({ description: "Hex, leading zeros left out (as Tempo writes trace ids in search results)" }),
    rootServiceName: z.string().meta({ description: "`<root span not yet received>` while the trace has no root span" }),
    rootTraceName: z.string().optional(),
    startTimeUnixNano: UnixNano,
    durationMs: z.number().int().optional().meta({ description: "Whole milliseconds; left out when 0" }),
    spanSet: TempoSpanSet.optional().meta({ description: "With `q`: the matched spans (Tempo's deprecated field, the same as spanSets[0])" }),
    spanSets: z.array(TempoSpanSet).optional(),
    serviceStats: z.record(z.string(), z.object({ spanCount: z.number().int().optional(), errorCount: z.number().int().optional() })).optional(),
  })
  .meta({ id: "TempoTraceSearchMetadata" });
export type TempoTraceSearchMetadata = z.infer<typeof TempoTraceSearchMetadata>;

export const TempoSearchMetrics = z.object({
  completedJobs: z.number().int().optional(),
  totalJobs: z.number().int().optional(),
});

export const TempoSearchResponse = z.object({
  traces: z.array(TempoTraceSearchMetadata).meta({ description: "Newest first; always present (Tempo leaves an empty list out)" }),
  metrics: TempoSearchMetrics,
});
export type TempoSearchResponse = z.infer<typeof TempoSearchResponse>;

export const TempoSearchQuery = z
  .object({
    q: orBlank(TraceQLParam),
    tags: orBlank(LogfmtTagsParam),
    minDuration: orBlank(goDurationParam("minDuration")).meta({ description: "With `tags`: the trace lasts at least this (whole milliseconds, as Tempo)" }),
    maxDuration: orBlank(goDurationParam("maxDuration")).meta({ description: "With `tags`: the trace lasts at most this" }),
    limit: orBlank(countParam("limit", { positive: true })).meta({ description: "Traces at most (default 20)" }),
    spss: orBlank(countParam("spss")).meta({ description: "Matched spans listed per trace (default 3, at most 100; 0 lists all)" }),
    ...WINDOW,
  })
  .superRefine((query, context) => {
    if (query.q !== undefined && query.tags !== undefined) context.addIssue({ code: "custom", message: "invalid request: can't specify tags and q in the same query" });
    if (query.minDuration && query.maxDuration !== undefined && query.minDuration / 1_000_000n > query.maxDuration / 1_000_000n) {
      context.addIssue({ code: "custom", message: "invalid maxDuration: must be greater than minDuration" });
    }
    if (query.limit !== undefined && query.limit > MAX_TEMPO_LIMIT) context.addIssue({ code: "custom", message: `limit ${query.limit} exceeds max limit ${MAX_TEMPO_LIMIT}` });
    if (query.spss !== undefined && query.spss > MAX_TEMPO_SPSS) context.addIssue({ code: "custom", message: `spans per span set exceeds ${MAX_TEMPO_SPSS}. received ${query.spss}` });
    startBeforeEnd(query, context, { bothRequired: true });
  });
export type TempoSearchQuery = z.output<typeof TempoSearchQuery>;

export const SearchTempoTracesEndpoint = tempoEndpoint({
  path: "/tempo/api/search",
  summary: "Tempo: search traces by TraceQL (`q`) or tags (`tags`)",
  description: [
    "`q`: a TraceQL query, answered by the project's TraceQL engine (pipelines, aggregates and metrics are a 400 naming them); each trace lists its matched spans in `spanSets`.",
    "`tags`: logfmt pairs, as Tempo's tag search reads them: `service.name`, `cluster`, `namespace`, `pod`, `container`, `k8s.*.name`, `name`, `http.method`, `http.url`, `root.service.name` and `root.name` match a substring;",
    "`http.status_code` an int; `status.code` a status (`error`, `ok`, `unset`); `error=true` the error status; any other key a span or resource attribute's exact string.",
    "Each pair may hold on another span of the trace. `minDuration`/`maxDuration` apply to the trace, in whole milliseconds. The window is the trace start in `start`..`end`, by default the last hour.",
    "Protobuf (tempopb.SearchResponse) when Accept names `application/protobuf`, as Tempo answers.",
  ].join(" "),
  query: TempoSearchQuery,
  response: TempoSearchResponse,
  errors: [400, 401],
  extraMediaTypes: [PROTOBUF],
});

// ---- tag names

const TempoTagScope = z
  .enum(["", "none", "span", "resource", "intrinsic", "event", "link", "instrumentation", "trace"], { error: (issue) => `invalid scope: ${String(issue.input)}` })
  .meta({ description: "Only the tags of this scope; by default span, resource and (v2) intrinsic" });
export type TempoTagScope = z.infer<typeof TempoTagScope>;

const TagListQuery = {
  scope: TempoTagScope.optional(),
  ...WINDOW,
  limit: orBlank(CountParam).meta({ description: "Tags per scope at most (default 1000)" }),
  maxStaleValues: z.string().optional().meta({ description: "Accepted and not needed: the listing reads an index" }),
};

export const TempoTagsQuery = z.object(TagListQuery).superRefine((query, context) => startBeforeEnd(query, context));
export type TempoTagsQuery = z.output<typeof TempoTagsQuery>;

export const TempoTagsV2Query = z
  .object({ ...TagListQuery, q: orBlank(LenientTraceQLParam).meta({ description: "A TraceQL query: only tags of the spans it matches (a query that does not parse is ignored, as Tempo does)" }) })
  .superRefine((query, context) => startBeforeEnd(query, context));
export type TempoTagsV2Query = z.output<typeof TempoTagsV2Query>;

const Metrics = z.object({}).meta({ description: "Tempo's MetadataMetrics; empty here" });

export const TempoTagNames = z.object({ tagNames: z.array(z.string()), metrics: Metrics });
export type TempoTagNames = z.infer<typeof TempoTagNames>;

export const TempoTagScopes = z.object({ scopes: z.array(z.object({ name: z.string(), tags: z.array(z.string()) })), metrics: Metrics });
export type TempoTagScopes = z.infer<typeof TempoTagScopes>;

const TAG_NAMES_DESCRIPTION =
  "Attribute keys of the spans starting in `start`..`end` (default: the last 24 hours), from the attribute index. Event, link and instrumentation attributes are not indexed: their scopes list none. Protobuf (tempopb) when Accept names `application/protobuf`.";

export const ListTempoTagsEndpoint = tempoEndpoint({
  path: "/tempo/api/search/tags",
  summary: "Tempo: tag names",
  description: `${TAG_NAMES_DESCRIPTION} Without a scope: span and resource keys together.`,
  query: TempoTagsQuery,
  response: TempoTagNames,
  errors: [400, 401],
  extraMediaTypes: [PROTOBUF],
});

export const ListTempoScopedTagsEndpoint = tempoEndpoint({
  path: "/tempo/api/v2/search/tags",
  summary: "Tempo: tag names by scope",
  description: `${TAG_NAMES_DESCRIPTION} The intrinsic scope lists the intrinsics the TraceQL engine answers.`,
  query: TempoTagsV2Query,
  response: TempoTagScopes,
  errors: [400, 401],
  extraMediaTypes: [PROTOBUF],
});

// ---- tag values

const TagValuesQuery = {
  ...WINDOW,
  q: orBlank(LenientTraceQLParam).meta({ description: "A TraceQL query: only values on the spans it matches (a query that does not parse is ignored, as Tempo does)" }),
  limit: orBlank(CountParam).meta({ description: "Values at most (default 1000)" }),
  maxStaleValues: z.string().optional().meta({ description: "Accepted and not needed" }),
};

export const TempoTagValuesQuery = z.object(TagValuesQuery).superRefine((query, context) => startBeforeEnd(query, context));
export type TempoTagValuesQuery = z.output<typeof TempoTagValuesQuery>;

export const TempoTagValueList = z.object({ tagValues: z.array(z.string()), metrics: Metrics });
export type TempoTagValueList = z.infer<typeof TempoTagValueList>;

export const TempoTypedValue = z.object({ type: z.enum(["string", "int", "float", "bool", "keyword", "duration"]), value: z.string() });
export const TempoTypedValueList = z.object({ tagValues: z.array(TempoTypedValue), metrics: Metrics });
export type TempoTypedValueList = z.infer<typeof TempoTypedValueList>;

const TagParam = z.string().min(1, "please provide a non-empty tagName");

export const ListTempoTagValuesEndpoint = tempoEndpoint({
  path: "/tempo/api/search/tag/{tag}/values",
  summary: "Tempo: values of a tag",
  description:
    "Values of the span or resource attribute `tag` (as text), most used first; `status.code` lists `unset`, `ok`, `error` and `error` lists `true`, as Tempo's virtual tags. Protobuf (tempopb) when Accept names `application/protobuf`.",
  params: z.object({ tag: TagParam }),
  query: TempoTagValuesQuery,
  response: TempoTagValueList,
  errors: [400, 401],
  extraMediaTypes: [PROTOBUF],
});

export const ListTempoTypedTagValuesEndpoint = tempoEndpoint({
  path: "/tempo/api/v2/search/tag/{tag}/values",
  summary: "Tempo: typed values of a TraceQL identifier",
  description:
    "`tag` is a TraceQL identifier: `span.http.method`, `resource.service.name`, `.key` (span or resource), or an intrinsic: `name` (span names), `status` and `kind` (keywords), `rootServiceName`, `rootName`; durations list none. Protobuf (tempopb) when Accept names `application/protobuf`.",
  params: z.object({ tag: TagParam }),
  query: TempoTagValuesQuery,
  response: TempoTypedValueList,
  errors: [400, 401],
  extraMediaTypes: [PROTOBUF],
});

// ---- trace by id

const Base64 = z.string().meta({ description: "Base64, as jsonpb writes bytes" });

const TempoSpanJson = z
  .object({
    traceId: Base64,
    spanId: Base64,
    parentSpanId: Base64.optional(),
    traceState: z.string().optional(),
    name: z.string(),
    kind: z.enum(["SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT", "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER"]).optional().meta({ description: "Left out when unspecified" }),
    startTimeUnixNano: UnixNano,
    endTimeUnixNano: UnixNano,
    attributes: z.array(KeyValue).optional(),
    events: z.array(z.object({ timeUnixNano: UnixNano, name: z.string().optional(), attributes: z.array(KeyValue).optional() })).optional(),
    links: z.array(z.object({ traceId: Base64, spanId: Base64, traceState: z.string().optional(), attributes: z.array(KeyValue).optional() })).optional(),
    status: z.object({ code: z.enum(["STATUS_CODE_OK", "STATUS_CODE_ERROR"]).optional(), message: z.string().optional() }),
  })
  .meta({ id: "TempoSpan" });

const TempoResourceSpans = z
  .object({
    resource: z.object({ attributes: z.array(KeyValue).optional() }),
    scopeSpans: z.array(z.object({ scope: z.object({ name: z.string().optional(), version: z.string().optional() }), spans: z.array(TempoSpanJson) })),
  })
  .meta({ id: "TempoResourceSpans" });

export const TempoTraceV1 = z.object({ batches: z.array(TempoResourceSpans) }).meta({ description: "tempopb.Trace as Tempo's v1 writes it (`resourceSpans` named `batches`)" });
export const TempoTraceV2 = z
  .object({
    trace: z.object({ resourceSpans: z.array(TempoResourceSpans).optional() }).meta({ description: "Empty (`{}`) for a trace id not stored, as Tempo answers" }),
    metrics: Metrics,
    status: z.literal("PARTIAL").optional().meta({ description: "When `q` left spans out (COMPLETE, the default, is left out)" }),
    message: z.string().optional(),
  })
  .meta({ description: "tempopb.TraceByIDResponse" });

const TraceQueryShape = {
  ...WINDOW,
  mode: z.enum(["all", "ingesters", "blocks", "external", ""], { error: (issue) => `invalid value for mode ${String(issue.input)}` }).optional(),
  blockStart: z.string().optional(),
  blockEnd: z.string().optional(),
};

const TraceQuery = z.object(TraceQueryShape).superRefine((query, context) => startBeforeEnd(query, context));

/** A v2 parameter only its default value of which is answered. */
const onlyDefault = (name: string, value: string) =>
  z.string().refine((text) => text === "" || text === value, `${name} is not supported (only ${name}=${value}): the filter keeps the matching spans alone`).optional();

export const TempoTraceV2Query = z
  .object({
    ...TraceQueryShape,
    q: orBlank(TraceFilterParam).meta({ description: "One spanset filter: only its matching spans are answered, with status PARTIAL when it left spans out" }),
    keep_hierarchy: onlyDefault("keep_hierarchy", "false"),
    match_depth: onlyDefault("match_depth", "0"),
    ancestor_depth: z.string().optional().meta({ description: "Read only with keep_hierarchy=true, which is not supported" }),
  })
  .superRefine((query, context) => startBeforeEnd(query, context));
export type TempoTraceV2Query = z.output<typeof TempoTraceV2Query>;

const TRACE_DESCRIPTION =
  "The whole trace (`start`, `end` and `mode` are accepted and not needed). OTLP JSON as Tempo's jsonpb writes it, or protobuf when `Accept` names `application/protobuf` (as Grafana asks). A Zipkin shared span's server half gets a new id, as Tempo's query frontend dedupes it.";

export const GetTempoTraceEndpoint = tempoEndpoint({
  path: "/tempo/api/traces/{traceID}",
  summary: "Tempo: one trace (tempopb.Trace)",
  description: `${TRACE_DESCRIPTION} A trace id not stored is a 404 with an empty body.`,
  params: z.object({ traceID: tempoTraceIdParam }),
  query: TraceQuery,
  response: TempoTraceV1,
  extraMediaTypes: [PROTOBUF],
  errors: [400, 401, 404],
});

export const GetTempoTraceByIdResponseEndpoint = tempoEndpoint({
  path: "/tempo/api/v2/traces/{traceID}",
  summary: "Tempo: one trace (tempopb.TraceByIDResponse)",
  description: `${TRACE_DESCRIPTION} A trace id not stored answers an empty trace (200), as Tempo's v2 does; Grafana shows it as not found.`,
  params: z.object({ traceID: tempoTraceIdParam }),
  query: TempoTraceV2Query,
  response: TempoTraceV2,
  extraMediaTypes: [PROTOBUF],
  errors: [400, 401],
});
