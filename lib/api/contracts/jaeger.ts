import { z } from "zod";
import { MAX_UNIX_NANOS } from "@/lib/domain/representable-time";
import { CountParam, orBlank, WholeNumberParam, wholeUnitsAsNanos } from "@/lib/query/params/blank";
import { GoDurationParam } from "@/lib/query/params/go-duration";
import { defineEndpoint } from "../endpoint";
import { OtlpTraceExport } from "./otlp-trace";

/**
 * Jaeger's HTTP query API (jaeger cmd/query/app/http_handler.go and query_parser.go; the
 * JSON model of model/json), and its api_v3 HTTP gateway, served under `/jaeger` so Jaeger
 * UI and Grafana's Jaeger data source take `http://host:3000/jaeger` as their base URL.
 */

const JAEGER_DOCS = { url: "https://www.jaegertracing.io/docs/latest/apis/#http-json-internal", description: "Jaeger HTTP JSON (internal) API" };
const JAEGER_V3_DOCS = { url: "https://www.jaegertracing.io/docs/latest/apis/#query-service-apis", description: "Jaeger api_v3 HTTP gateway" };
const TAGS = ["jaeger"];

export const JaegerError = z.object({
  code: z.number().int().optional().meta({ description: "The HTTP status" }),
  msg: z.string(),
  traceID: z.string().optional().meta({ description: "The trace a per-trace error is about" }),
});
export type JaegerError = z.infer<typeof JaegerError>;

/** Jaeger's structuredResponse: every answer of the v1 API, errors too (`data` null, `errors` listing them). */
function jaegerEnvelope<S extends z.ZodType>(data: S) {
  return z.object({
    data,
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    errors: z.array(JaegerError).nullable().meta({ description: "null when there is none" }),
  });
}

export const JaegerErrorEnvelope = jaegerEnvelope(z.null()).meta({ id: "JaegerErrorEnvelope" });
export type JaegerErrorEnvelope = z.infer<typeof JaegerErrorEnvelope>;

export const JaegerKeyValue = z
  .object({
    key: z.string(),
    type: z.enum(["string", "bool", "int64", "float64", "binary"]),
    value: z.union([z.string(), z.boolean(), z.number()]).meta({
      description: "bool: a boolean; int64 and float64: a number (an int64 past 2^53 and a non-finite float64 as text); binary: base64; arrays and maps are JSON text of type string",
    }),
  })
  .meta({ id: "JaegerKeyValue" });
export type JaegerKeyValue = z.infer<typeof JaegerKeyValue>;

const Micros = z.number().int().nonnegative().meta({ description: "Microseconds" });

export const JaegerSpan = z
  .object({
    traceID: z.string(),
    spanID: z.string(),
    operationName: z.string(),
    references: z.array(
      z.object({
        refType: z.enum(["CHILD_OF", "FOLLOWS_FROM"]).meta({ description: "CHILD_OF the parent; FOLLOWS_FROM each link" }),
        traceID: z.string(),
        spanID: z.string(),
      }),
    ),
    startTime: Micros.meta({ description: "Unix microseconds" }),
    duration: Micros,
    tags: z.array(JaegerKeyValue).meta({ description: "The span's attributes, then span.kind, otel.status_code, error, otel.status_description, otel.scope.name/version, w3c.tracestate" }),
    logs: z.array(z.object({ timestamp: Micros.meta({ description: "Unix microseconds" }), fields: z.array(JaegerKeyValue) })).meta({
      description: "One per span event: the field `event` holds its name, the others its attributes",
    }),
    processID: z.string(),
    warnings: z.array(z.string()).nullable(),
  })
  .meta({ id: "JaegerSpan" });
export type JaegerSpan = z.infer<typeof JaegerSpan>;

export const JaegerProcess = z.object({ serviceName: z.string(), tags: z.array(JaegerKeyValue) });

export const JaegerTrace = z
  .object({
    traceID: z.string(),
    spans: z.array(JaegerSpan).meta({ description: "By start time" }),
    processes: z.record(z.string(), JaegerProcess).meta({ description: "`p1`, `p2`, ...: one per (service, resource attributes), in order of first span" }),
    warnings: z.array(z.string()).nullable(),
  })
  .meta({ id: "JaegerTrace" });
export type JaegerTrace = z.infer<typeof JaegerTrace>;

export const JaegerTraceList = jaegerEnvelope(z.array(JaegerTrace));
export type JaegerTraceList = z.infer<typeof JaegerTraceList>;

export const JaegerNameList = jaegerEnvelope(z.array(z.string()));
export type JaegerNameList = z.infer<typeof JaegerNameList>;

export const JaegerOperation = z.object({
  name: z.string(),
  spanKind: z.enum(["server", "client", "producer", "consumer", "internal", ""]).meta({ description: "Empty for an unspecified kind" }),
});
export type JaegerOperation = z.infer<typeof JaegerOperation>;

export const JaegerOperationList = jaegerEnvelope(z.array(JaegerOperation));
export type JaegerOperationList = z.infer<typeof JaegerOperationList>;

export const JaegerDependencyList = jaegerEnvelope(z.array(z.object({ parent: z.string(), child: z.string(), callCount: z.number().int() })));
export type JaegerDependencyList = z.infer<typeof JaegerDependencyList>;


/** A parameter that may repeat: always a list. */
const repeated = (item: z.ZodString) => z.union([item, z.array(item)]).transform((given) => (typeof given === "string" ? [given] : given));

/** Epoch microseconds (Jaeger's search window) and milliseconds (its dependencies), as nanoseconds. */
const MicrosAsNanos = wholeUnitsAsNanos(1_000n, "unix microseconds");
const MillisAsNanos = wholeUnitsAsNanos(1_000_000n, "milliseconds");

const JaegerSpanKindParam = z.enum(["server", "client", "producer", "consumer", "internal", ""]);

export const ListJaegerServicesEndpoint = defineEndpoint({
  method: "GET",
  path: "/jaeger/api/services",
  summary: "Jaeger: service names",
  tags: TAGS,
  externalDocs: JAEGER_DOCS,
  response: JaegerNameList,
  errorBody: JaegerErrorEnvelope,
  errors: [401],
  access: "read",
});

export const ListJaegerServiceOperationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/jaeger/api/services/{service}/operations",
  summary: "Jaeger: operation names of a service (every kind)",
  description: "Distinct span names, sorted; an unknown service has none.",
  tags: TAGS,
  externalDocs: JAEGER_DOCS,
  params: z.object({ service: z.string().min(1) }),
  response: JaegerNameList,
  errorBody: JaegerErrorEnvelope,
  errors: [400, 401],
  access: "read",
});

export const ListJaegerOperationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/jaeger/api/operations",
  summary: "Jaeger: operations of a service with their span kinds",
  tags: TAGS,
  externalDocs: JAEGER_DOCS,
  query: z.object({
    service: z.string({ error: "parameter 'service' is required" }).min(1, "parameter 'service' is required"),
    spanKind: JaegerSpanKindParam.optional().meta({ description: "Only operations of this kind; empty for all" }),
  }),
  response: JaegerOperationList,
  errorBody: JaegerErrorEnvelope,
  errors: [400, 401],
  access: "read",
});

export const JaegerTraceSearchQuery = z
  .object({
    service: z.string().optional(),
    operation: z.string().optional(),
    tag: repeated(z.string()).optional().meta({ description: "`key:value`; may repeat" }),
    tags: repeated(z.string()).optional().meta({ description: 'A JSON map of string values: `{"http.method":"GET","error":"true"}`' }),
    start: orBlank(MicrosAsNanos).meta({ description: "Unix microseconds; default `end` minus `lookback` (or two days)" }),
    end: orBlank(MicrosAsNanos).meta({ description: "Unix microseconds; default now" }),
    lookback: z.string().optional().meta({ description: "A Go duration used when `start` is absent (Jaeger UI's `1h`; `custom` is ignored)" }),
    minDuration: orBlank(GoDurationParam).meta({ description: "Of one matching span: a Go duration (`1.2s`, `100ms`)" }),
    maxDuration: orBlank(GoDurationParam),
    limit: orBlank(CountParam).meta({ description: "Traces at most (default 100, at most 1500)" }),
    traceID: repeated(z.string()).optional().meta({ description: "Trace ids to fetch instead of searching; may repeat" }),
    raw: z.string().optional(),
    prettyPrint: z.string().optional(),
  })
  .superRefine((query, context) => {
    if (!query.service && !query.traceID?.length) context.addIssue({ code: "custom", path: ["service"], message: "parameter 'service' is required" });
    if (query.minDuration !== undefined && query.maxDuration !== undefined && query.maxDuration < query.minDuration) {
      context.addIssue({ code: "custom", path: ["maxDuration"], message: "'maxDuration' should be greater than 'minDuration'" });
    }
  });
export type JaegerTraceSearchQuery = z.output<typeof JaegerTraceSearchQuery>;

export const SearchJaegerTracesEndpoint = defineEndpoint({
  method: "GET",
  path: "/jaeger/api/traces",
  summary: "Jaeger: search traces, or fetch several by id",
  description:
    "Every condition (operation, tags, durations) must hold on one same span of `service`, as in Jaeger. `error=true` asks for spans with error status. With `traceID` the other filters are ignored and a trace not found is listed in `errors`.",
  tags: TAGS,
  externalDocs: JAEGER_DOCS,
  query: JaegerTraceSearchQuery,
  response: JaegerTraceList,
  errorBody: JaegerErrorEnvelope,
  errors: [400, 401],
  access: "read",
});

export const GetJaegerTraceEndpoint = defineEndpoint({
  method: "GET",
  path: "/jaeger/api/traces/{traceID}",
  summary: "Jaeger: one trace",
  description: "`data` holds the one trace. `start` and `end` (microseconds, or the milliseconds Grafana sends) are accepted and not needed: the whole trace is answered.",
  tags: TAGS,
  externalDocs: JAEGER_DOCS,
  params: z.object({ traceID: z.string() }),
  query: z.object({ start: orBlank(WholeNumberParam), end: orBlank(WholeNumberParam), raw: z.string().optional(), prettyPrint: z.string().optional() }),
  response: JaegerTraceList,
  errorBody: JaegerErrorEnvelope,
  errors: [400, 401, 404],
  access: "read",
});

export const GetJaegerDependenciesEndpoint = defineEndpoint({
  method: "GET",
  path: "/jaeger/api/dependencies",
  summary: "Jaeger: calls between services",
  tags: TAGS,
  externalDocs: JAEGER_DOCS,
  query: z.object({
    endTs: orBlank(MillisAsNanos).meta({ description: "Unix milliseconds; default now" }),
    lookback: orBlank(MillisAsNanos).meta({ description: "Milliseconds; default one day" }),
    service: z.string().optional().meta({ description: "Only edges from or to this service" }),
  }),
  response: JaegerDependencyList,
  errorBody: JaegerErrorEnvelope,
  errors: [400, 401],
  access: "read",
});

/** The api_v3 gateway's error answer. */
export const JaegerV3Error = z.object({ error: z.object({ httpCode: z.number().int(), message: z.string() }) }).meta({ id: "JaegerV3Error" });
export type JaegerV3Error = z.infer<typeof JaegerV3Error>;

export const JaegerV3TracesResult = z.object({ result: OtlpTraceExport.meta({ description: "OTLP TracesData (resourceSpans), hex ids, int64 as decimal strings" }) });
export type JaegerV3TracesResult = z.infer<typeof JaegerV3TracesResult>;

export const ListJaegerGatewayServicesEndpoint = defineEndpoint({
  method: "GET",
  path: "/jaeger/api/v3/services",
  summary: "Jaeger api_v3: service names",
  tags: TAGS,
  externalDocs: JAEGER_V3_DOCS,
  response: z.object({ services: z.array(z.string()) }),
  errorBody: JaegerV3Error,
  errors: [401],
  access: "read",
});

export const ListJaegerGatewayOperationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/jaeger/api/v3/operations",
  summary: "Jaeger api_v3: operations of a service",
  tags: TAGS,
  externalDocs: JAEGER_V3_DOCS,
  query: z.object({ service: z.string().optional(), span_kind: JaegerSpanKindParam.optional() }),
  response: z.object({ operations: z.array(JaegerOperation) }),
  errorBody: JaegerV3Error,
  errors: [400, 401],
  access: "read",
});

/** An RFC 3339 time (`2026-12-07T18:00:00.123456789Z`) as unix nanoseconds, exact. */
const Rfc3339 = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i, "expected an RFC 3339 time")
  .transform((text, context) => {
    const fraction = /\.(\d{1,9})/.exec(text)?.[1] ?? "";
    const millis = Date.parse(text.replace(/\.\d{1,9}/, ""));
    if (Number.isNaN(millis) || millis < 0 || BigInt(millis) * 1_000_000n > MAX_UNIX_NANOS) {
      context.addIssue({ code: "custom", message: `invalid time "${text}"` });
      return z.NEVER;
    }
    return BigInt(millis) * 1_000_000n + BigInt(fraction.padEnd(9, "0"));
  });

const BoolParam = z.enum(["true", "false", "1", "0", "t", "f", "TRUE", "FALSE", "True", "False", "T", "F"]);

export const JaegerV3TraceSearchQuery = z
  .object({
  "query.service_name": z.string().optional(),
  "query.operation_name": z.string().optional(),
  "query.attributes": z.string().optional().meta({ description: 'A JSON map of string values, as Grafana sends it: `{"http.method":"GET"}`' }),
  "query.start_time_min": Rfc3339.optional().meta({ description: "Required: RFC 3339" }),
  "query.start_time_max": Rfc3339.optional().meta({ description: "Required: RFC 3339" }),
  "query.duration_min": orBlank(GoDurationParam),
  "query.duration_max": orBlank(GoDurationParam),
  "query.num_traces": orBlank(CountParam).meta({ description: "Traces at most (default 20)" }),
  "query.search_depth": orBlank(CountParam).meta({ description: "Newer Jaeger's name for query.num_traces" }),
  "query.raw_traces": BoolParam.optional(),
  })
  .superRefine((query, context) => {
    if (query["query.start_time_min"] === undefined || query["query.start_time_max"] === undefined) {
      context.addIssue({ code: "custom", message: "query.start_time_min and query.start_time_max are required" });
    }
  });
export type JaegerV3TraceSearchQuery = z.output<typeof JaegerV3TraceSearchQuery>;

export const SearchJaegerGatewayTracesEndpoint = defineEndpoint({
  method: "GET",
  path: "/jaeger/api/v3/traces",
  summary: "Jaeger api_v3: search traces, answered as one OTLP TracesData",
  description: "query.start_time_min and query.start_time_max are required (400 otherwise); no trace found is a 404, as the gateway answers.",
  tags: TAGS,
  externalDocs: JAEGER_V3_DOCS,
  query: JaegerV3TraceSearchQuery,
  response: JaegerV3TracesResult,
  errorBody: JaegerV3Error,
  errors: [400, 401, 404],
  access: "read",
});

export const GetJaegerGatewayTraceEndpoint = defineEndpoint({
  method: "GET",
  path: "/jaeger/api/v3/traces/{trace_id}",
  summary: "Jaeger api_v3: one trace as OTLP TracesData",
  tags: TAGS,
  externalDocs: JAEGER_V3_DOCS,
  params: z.object({ trace_id: z.string() }),
  query: z.object({ start_time: Rfc3339.optional(), end_time: Rfc3339.optional(), raw_traces: BoolParam.optional() }),
  response: JaegerV3TracesResult,
  errorBody: JaegerV3Error,
  errors: [400, 401, 404],
  access: "read",
});
