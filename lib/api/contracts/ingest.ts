import { z } from "zod";
import { NativeSpan, nativeSpanBatchOf } from "@/lib/collector/wire/native-span-batch";
import { OtlpTraceRequest } from "@/lib/collector/wire/otlp-trace-request";
import { ZipkinSpan } from "@/lib/collector/wire/zipkin-span";
import { defineEndpoint } from "../endpoint";

/**
 * The ingest routes decode bodies with their own fast readers (lib/collector/normalize),
 * checking each span with the wire schemas used here, so a bad span rejects only itself.
 */

const INGEST_ERRORS = [400, 401, 413, 415, 503];

const BODY_NOTES = "Content-Encoding gzip or deflate is accepted; the size limit (TRACEBOARD_MAX_BODY_BYTES) applies after decompression.";

/** google.rpc.Status, as OTLP/HTTP answers a refused request (in the request's own content type). */
const GrpcStatus = z.object({
  code: z.number().int().meta({ description: "google.rpc.Code: 3 invalid argument, 14 unavailable, 16 unauthenticated" }),
  message: z.string(),
});

export const OtlpExportResponse = z.object({
  partialSuccess: z
    .object({
      rejectedSpans: z.string().regex(/^\d+$/).meta({ description: "int64, as proto3 JSON writes it: a decimal string" }),
      errorMessage: z.string(),
    })
    .optional()
    .meta({ description: "Present only when some spans were rejected" }),
});

export const IngestOtlpTracesEndpoint = defineEndpoint({
  method: "POST",
  path: "/v1/traces",
  summary: "OTLP/HTTP trace export",
  description: `An OTLP ExportTraceServiceRequest as proto3 JSON, or as binary protobuf (application/x-protobuf), answered in the same type. Spans are checked one by one: the answer's partialSuccess counts the rejected ones. ${BODY_NOTES}`,
  externalDocs: { url: "https://opentelemetry.io/docs/specs/otlp/#otlphttp", description: "OTLP/HTTP specification" },
  tags: ["ingest"],
  body: OtlpTraceRequest.meta({ description: "ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1); each span as in trace.proto" }),
  extraMediaTypes: ["application/x-protobuf", "application/protobuf"],
  response: OtlpExportResponse,
  errors: INGEST_ERRORS,
  errorBody: GrpcStatus,
  access: "ingest",
  bodyReadByHandler: true,
});

export const IngestZipkinSpansEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v2/spans",
  summary: "Zipkin v2 JSON span upload",
  description: `A list of Zipkin v2 spans, answered 202 with no body as Zipkin does. A span that fails its checks is dropped and counted in the ingest statistics. ${BODY_NOTES}`,
  externalDocs: { url: "https://zipkin.io/zipkin-api/#/default/post_spans", description: "Zipkin v2 API" },
  tags: ["ingest"],
  body: z.array(ZipkinSpan),
  successStatus: 202,
  response: null,
  errors: INGEST_ERRORS,
  access: "ingest",
  bodyReadByHandler: true,
});

export const NativeSpansResponse = z.object({
  accepted: z.number().int().meta({ description: "Spans stored" }),
  rejected: z.number().int().meta({ description: "Spans that failed their checks" }),
  errors: z.array(z.string()).meta({ description: "Why each rejected span was rejected, with its index" }),
});

export const IngestNativeSpansEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/tracing/spans",
  summary: "Native JSON span batch",
  description: `Traceboard's own span batch for simple clients. Answered 202 once the accepted spans are committed. ${BODY_NOTES}`,
  tags: ["ingest"],
  body: nativeSpanBatchOf(NativeSpan.meta({ id: "NativeSpan" })),
  successStatus: 202,
  response: NativeSpansResponse,
  errors: INGEST_ERRORS,
  access: "ingest",
  bodyReadByHandler: true,
});

export const RecordDashboardSpansEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/tracing/dashboard-spans",
  summary: "The dashboard's own browser spans",
  description:
    "Where the dashboard sends the CLIENT spans of its own API calls: a native batch of at most 500 spans, stored under the service `traceboard` whatever the batch says, so it needs read access (the dashboard's own) rather than the ingest token. Same-origin only, like every route that changes state.",
  tags: ["ingest"],
  body: nativeSpanBatchOf(NativeSpan),
  successStatus: 202,
  response: NativeSpansResponse,
  errors: INGEST_ERRORS,
  access: "read",
  bodyReadByHandler: true,
});
