import { z } from "zod";
import { CountParam, orBlank, wholeUnitsAsNanos } from "@/lib/query/params/blank";
import { defineEndpoint } from "../endpoint";
import { IngestZipkinSpansEndpoint } from "./ingest";

/**
 * Zipkin's v2 API (openzipkin/zipkin-api zipkin2-api.yaml) as Zipkin Lens and Grafana's
 * Zipkin data source call it, served under `/zipkin` so their base URL is
 * `http://host:3000/zipkin`. Errors use the project's `{error}` envelope (the spec gives
 * them no body).
 */

const ZIPKIN_DOCS = { url: "https://zipkin.io/zipkin-api/", description: "Zipkin v2 API (zipkin2-api.yaml)" };
const TAGS = ["zipkin"];

const Micros = z.number().int().nonnegative();

const ZipkinEndpointOut = z.object({
  serviceName: z.string().optional(),
  ipv4: z.string().optional(),
  ipv6: z.string().optional(),
  port: z.number().int().optional(),
});

export const ZipkinSpanOut = z
  .object({
    traceId: z.string().meta({ description: "16 hex digits when the upper 64 bits are zero, else 32" }),
    parentId: z.string().optional(),
    id: z.string(),
    kind: z.enum(["CLIENT", "SERVER", "PRODUCER", "CONSUMER"]).optional().meta({ description: "Absent for an internal or unspecified span" }),
    name: z.string(),
    timestamp: Micros.meta({ description: "Epoch microseconds" }),
    duration: Micros.optional().meta({ description: "Microseconds, at least 1; absent when zero" }),
    localEndpoint: ZipkinEndpointOut.optional().meta({ description: "The service, and network.local.address/port" }),
    remoteEndpoint: ZipkinEndpointOut.optional().meta({ description: "peer.service and network.peer.address/port" }),
    annotations: z
      .array(z.object({ timestamp: Micros, value: z.string() }))
      .optional()
      .meta({ description: "One per event: its name, or `name|attributes JSON|0` when it has attributes (as the OpenTelemetry Collector writes them)" }),
    tags: z.record(z.string(), z.string()).optional().meta({
      description: "Span and resource attributes as text, `error` (the status message, or `true`), `otel.status_code`, `otel.scope.*`, `w3c.tracestate`, `span.kind` for internal spans",
    }),
    shared: z.literal(true).optional().meta({ description: "On the server half of a span shared with its client" }),
    debug: z.literal(true).optional(),
  })
  .meta({ id: "ZipkinSpanOut" });
export type ZipkinSpanOut = z.infer<typeof ZipkinSpanOut>;

export const ZipkinTrace = z.array(ZipkinSpanOut).meta({ description: "The spans of one trace, by timestamp" });
export type ZipkinTrace = z.infer<typeof ZipkinTrace>;

const Names = z.array(z.string()).meta({ description: "Sorted" });


/** Microseconds (durations) and milliseconds (epoch times, lookbacks), as nanoseconds. */
const MicrosAsNanos = wholeUnitsAsNanos(1_000n, "microseconds");
const MillisAsNanos = wholeUnitsAsNanos(1_000_000n, "milliseconds");

const ServiceNameQuery = z.object({ serviceName: z.string({ error: "serviceName is required" }).min(1, "serviceName is required") });

/** A trace id as Zipkin reads it: up to 32 hex digits (16 or 32 as written), left-padded. */
const ZipkinTraceIdText = z.string().regex(/^[0-9a-fA-F]{1,32}$/, "a trace id is 16 or 32 hex digits");

const read = { tags: TAGS, externalDocs: ZIPKIN_DOCS, access: "read" } as const;

export const ListZipkinServicesEndpoint = defineEndpoint({
  ...read,
  method: "GET",
  path: "/zipkin/api/v2/services",
  summary: "Zipkin: service names",
  response: Names,
  errors: [401],
});

export const ListZipkinSpanNamesEndpoint = defineEndpoint({
  ...read,
  method: "GET",
  path: "/zipkin/api/v2/spans",
  summary: "Zipkin: span names of a service",
  query: ServiceNameQuery,
  response: Names,
  errors: [400, 401],
});

export const IngestZipkinSpansUnderPrefixEndpoint = defineEndpoint({ ...IngestZipkinSpansEndpoint, path: "/zipkin/api/v2/spans" });

export const ListZipkinRemoteServicesEndpoint = defineEndpoint({
  ...read,
  method: "GET",
  path: "/zipkin/api/v2/remoteServices",
  summary: "Zipkin: services a service called (its spans' remoteEndpoint.serviceName) in the last day",
  query: ServiceNameQuery,
  response: Names,
  errors: [400, 401],
});

export const ZipkinTraceSearchQuery = z.object({
  serviceName: z.string().optional(),
  remoteServiceName: z.string().optional(),
  spanName: z.string().optional().meta({ description: "`all` means any" }),
  annotationQuery: z.string().optional().meta({
    description: "Terms joined by ` and `: `key=value` matches a tag, a word a tag key or an annotation; `error` matches error spans. All on one span.",
    examples: ["error and http.method=GET"],
  }),
  minDuration: orBlank(MicrosAsNanos).meta({ description: "Microseconds, of one matching span" }),
  maxDuration: orBlank(MicrosAsNanos).meta({ description: "Microseconds" }),
  endTs: orBlank(MillisAsNanos).meta({ description: "Epoch milliseconds; default now" }),
  lookback: orBlank(MillisAsNanos).meta({ description: "Milliseconds before endTs; default one day (Zipkin's QUERY_LOOKBACK)" }),
  limit: orBlank(CountParam.pipe(z.number().min(1, "limit must be at least 1").max(1500))).meta({ description: "Traces at most (default 10)" }),
});
export type ZipkinTraceSearchQuery = z.output<typeof ZipkinTraceSearchQuery>;

export const SearchZipkinTracesEndpoint = defineEndpoint({
  ...read,
  method: "GET",
  path: "/zipkin/api/v2/traces",
  summary: "Zipkin: search traces",
  description: "Traces nearest endTs first. Every filter but serviceName must hold on one same span of serviceName.",
  query: ZipkinTraceSearchQuery,
  response: z.array(ZipkinTrace),
  errors: [400, 401],
});

export const GetZipkinTraceEndpoint = defineEndpoint({
  ...read,
  method: "GET",
  path: "/zipkin/api/v2/trace/{traceId}",
  summary: "Zipkin: one trace",
  params: z.object({ traceId: ZipkinTraceIdText }),
  response: ZipkinTrace,
  errors: [400, 401, 404],
});

export const GetZipkinTracesEndpoint = defineEndpoint({
  ...read,
  method: "GET",
  path: "/zipkin/api/v2/traceMany",
  summary: "Zipkin: several traces by id",
  description: "The traces found, in the order asked; ids not found are left out.",
  query: z.object({
    traceIds: z
      .string({ error: "traceIds is required" })
      .transform((text) => text.split(",").map((id) => id.trim()))
      .pipe(z.array(ZipkinTraceIdText).min(1).max(1500))
      .meta({ description: "Comma-separated trace ids" }),
  }),
  response: z.array(ZipkinTrace),
  errors: [400, 401],
});

export const ZipkinDependencyLink = z.object({
  parent: z.string(),
  child: z.string(),
  callCount: z.number().int(),
  errorCount: z.number().int().optional().meta({ description: "Absent when zero, as Zipkin writes it" }),
});
export type ZipkinDependencyLink = z.infer<typeof ZipkinDependencyLink>;

export const GetZipkinDependenciesEndpoint = defineEndpoint({
  ...read,
  method: "GET",
  path: "/zipkin/api/v2/dependencies",
  summary: "Zipkin: calls between services",
  query: z.object({
    endTs: MillisAsNanos.meta({ description: "Required: epoch milliseconds" }),
    lookback: orBlank(MillisAsNanos).meta({ description: "Milliseconds before endTs; default one day" }),
  }),
  response: z.array(ZipkinDependencyLink),
  errors: [400, 401],
});

export const ListZipkinAutocompleteKeysEndpoint = defineEndpoint({
  ...read,
  method: "GET",
  path: "/zipkin/api/v2/autocompleteKeys",
  summary: "Zipkin: tag keys of the last day's spans",
  response: Names,
  errors: [401],
});

export const ListZipkinAutocompleteValuesEndpoint = defineEndpoint({
  ...read,
  method: "GET",
  path: "/zipkin/api/v2/autocompleteValues",
  summary: "Zipkin: values of one tag key in the last day's spans",
  query: z.object({ key: z.string({ error: "key is required" }).min(1, "key is required") }),
  response: Names,
  errors: [400, 401],
});
