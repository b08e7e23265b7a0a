import { z } from "zod";
import { UnixNano } from "./trace-summary";

/** OTLP/JSON (proto3 JSON mapping): a KeyValue whose value is a typed AnyValue. */
const OtlpKeyValue = z.object({
  key: z.string(),
  value: z.json().meta({ description: "AnyValue: {stringValue}, {boolValue}, {intValue: decimal string}, {doubleValue}, {bytesValue: base64}, {arrayValue: {values}}, {kvlistValue: {values}}" }),
});

const OtlpStatus = z.object({ code: z.number().int(), message: z.string().optional() });

const OtlpSpan = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  traceState: z.string().optional(),
  name: z.string(),
  kind: z.number().int(),
  startTimeUnixNano: UnixNano,
  endTimeUnixNano: UnixNano,
  attributes: z.array(OtlpKeyValue),
  events: z.array(z.object({ timeUnixNano: UnixNano, name: z.string(), attributes: z.array(OtlpKeyValue) })),
  links: z.array(z.object({ traceId: z.string(), spanId: z.string(), traceState: z.string().optional(), attributes: z.array(OtlpKeyValue) })),
  status: OtlpStatus,
});
export type OtlpSpan = z.infer<typeof OtlpSpan>;
export type OtlpKeyValue = z.infer<typeof OtlpKeyValue>;

/** An OTLP/JSON ExportTraceServiceRequest, as `POST /v1/traces` here and other collectors take it. */
export const OtlpTraceExport = z
  .object({
    resourceSpans: z.array(
      z.object({
        resource: z.object({ attributes: z.array(OtlpKeyValue) }),
        scopeSpans: z.array(
          z.object({
            scope: z.object({ name: z.string().optional(), version: z.string().optional() }),
            spans: z.array(OtlpSpan),
          }),
        ),
      }),
    ),
  })
  .meta({ description: "OTLP/JSON ExportTraceServiceRequest: one resourceSpans per resource, one scopeSpans per instrumentation scope" });
export type OtlpTraceExport = z.infer<typeof OtlpTraceExport>;
