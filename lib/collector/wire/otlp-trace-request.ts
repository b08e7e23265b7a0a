import { z } from "zod";

/**
 * The envelope of an OTLP `ExportTraceServiceRequest` (trace_service.proto, trace.proto,
 * resource.proto) in proto3 JSON form, down to the span list. Spans themselves are checked
 * field by field in `normalize/otlp-span.ts`: a bad span rejects that span alone, and
 * checking by hand keeps the per-span cost low. Unknown fields are ignored, as the OTLP
 * spec requires; null means unset, as in proto3 JSON.
 */

const KeyValueList = z.array(z.unknown()).nullish();
const SpanList = z.array(z.unknown()).nullish();

export const OtlpInstrumentationScope = z.object({
  name: z.string().nullish(),
  version: z.string().nullish(),
});
export type OtlpInstrumentationScope = z.infer<typeof OtlpInstrumentationScope>;

export const OtlpScopeSpans = z.object({
  scope: OtlpInstrumentationScope.nullish(),
  spans: SpanList,
});
export type OtlpScopeSpans = z.infer<typeof OtlpScopeSpans>;

/** OTLP before 0.15 called scopes "instrumentation libraries"; older senders still do. */
export const OtlpInstrumentationLibrarySpans = z.object({
  instrumentationLibrary: OtlpInstrumentationScope.nullish(),
  spans: SpanList,
});
export type OtlpInstrumentationLibrarySpans = z.infer<typeof OtlpInstrumentationLibrarySpans>;

export const OtlpResource = z.object({ attributes: KeyValueList });
export type OtlpResource = z.infer<typeof OtlpResource>;

export const OtlpResourceSpans = z.object({
  resource: OtlpResource.nullish(),
  scopeSpans: z.array(OtlpScopeSpans).nullish(),
  instrumentationLibrarySpans: z.array(OtlpInstrumentationLibrarySpans).nullish(),
});
export type OtlpResourceSpans = z.infer<typeof OtlpResourceSpans>;

export const OtlpTraceRequest = z.object({
  resourceSpans: z.array(OtlpResourceSpans).nullish(),
});
export type OtlpTraceRequest = z.infer<typeof OtlpTraceRequest>;
