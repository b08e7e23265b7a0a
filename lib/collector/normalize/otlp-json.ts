import type { NormalizedBatch } from "@/lib/domain/span-record";
import { UNKNOWN_SERVICE } from "@/lib/domain/span-record";
import { OtlpTraceRequest, type OtlpInstrumentationScope, type OtlpResourceSpans } from "../wire/otlp-trace-request";
import { BatchBuilder } from "./batch-builder";
import { FieldError, messageAt } from "./field-error";
import { IngestFormatError } from "./ingest-format-error";
import { checkItemCount, type NormalizeLimits } from "./normalize-limits";
import { otlpAttributes } from "./otlp-any-value";
import { normalizeOtlpSpan, type OtlpSpanContext } from "./otlp-span";
import { firstIssueMessage } from "./zod-issue";

/**
 * An OTLP/HTTP JSON `ExportTraceServiceRequest`, parsed with `parseJsonExact` (or a decoded
 * protobuf message, see `normalizeOtlpProtobuf`), to span records. Both `scopeSpans` and the older
 * `instrumentationLibrarySpans` are read. A span that cannot be stored is rejected with
 * its path and reason; a malformed envelope (anything above the spans, including resource
 * attributes) throws an IngestFormatError.
 */
export function normalizeOtlpJson(document: unknown, limits?: NormalizeLimits): NormalizedBatch {
  checkItemCount(spanCount(document), limits);
  const request = OtlpTraceRequest.safeParse(document);
  if (!request.success)
    throw new IngestFormatError(`Malformed OTLP trace request: ${firstIssueMessage(request.error, [])}`);
  const batch = new BatchBuilder(limits);
  request.data.resourceSpans?.forEach((resourceSpans, r) => {
    const resource = resourceContext(resourceSpans, r);
    const groups = [
      ...(resourceSpans.scopeSpans ?? []).map((group, g) => ({
        path: `scopeSpans.${g}`,
        scope: group.scope,
        spans: group.spans,
      })),
      ...(resourceSpans.instrumentationLibrarySpans ?? []).map((group, g) => ({
        path: `instrumentationLibrarySpans.${g}`,
        scope: group.instrumentationLibrary,
        spans: group.spans,
      })),
    ];
    for (const { path, scope, spans } of groups) {
      const context = { ...resource, ...scopeContext(scope) };
      spans?.forEach((span, i) => {
        try {
          batch.accept(normalizeOtlpSpan(span, context));
        } catch (error) {
          if (!(error instanceof FieldError)) throw error;
          batch.reject(messageAt([`resourceSpans.${r}.${path}.spans.${i}`, error.path], error.message));
        }
      });
    }
  });
  return batch.finish();
}

/** Items of an array, or 0 for anything else. */
const lengthOf = (value: unknown) => (Array.isArray(value) ? value.length : 0);

/** Every span of every group of a document not yet validated, counted without reading one. */
function spanCount(document: unknown): number {
  let count = 0;
  const resourceSpans = (document as { resourceSpans?: unknown } | null)?.resourceSpans;
  for (const resource of Array.isArray(resourceSpans) ? resourceSpans : []) {
    for (const key of ["scopeSpans", "instrumentationLibrarySpans"]) {
      const groups = (resource as Record<string, unknown> | null)?.[key];
      for (const group of Array.isArray(groups) ? groups : []) count += lengthOf((group as { spans?: unknown } | null)?.spans);
    }
  }
  return count;
}

function resourceContext(
  resourceSpans: OtlpResourceSpans,
  index: number,
): Pick<OtlpSpanContext, "serviceName" | "resourceAttributes"> {
  try {
    const resourceAttributes = otlpAttributes(resourceSpans.resource?.attributes);
    const serviceName = resourceAttributes["service.name"];
    return {
      serviceName: typeof serviceName === "string" && serviceName !== "" ? serviceName : UNKNOWN_SERVICE,
      resourceAttributes,
    };
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    throw new IngestFormatError(
      `Malformed OTLP trace request: ${messageAt([`resourceSpans.${index}.resource.attributes`, error.path], error.message)}`,
    );
  }
}

function scopeContext(
  scope: OtlpInstrumentationScope | null | undefined,
): Pick<OtlpSpanContext, "scopeName" | "scopeVersion"> {
  return { scopeName: scope?.name || null, scopeVersion: scope?.version || null };
}
