import { SpanKind, StatusCode, UNKNOWN_SERVICE, type NormalizedBatch, type SpanRecord } from "@/lib/domain/span-record";
import { NativeSpan, NativeSpanBatch } from "../wire/native-span-batch";
import { IngestFormatError } from "./ingest-format-error";
import { normalizeEach } from "./normalize-each";
import { checkItemCount, type NormalizeLimits } from "./normalize-limits";
import { firstIssueMessage } from "./zod-issue";

/** A native JSON batch (see `NativeSpanBatch`) to span records; each bad span is rejected with its path. */
export function normalizeNativeBatch(document: unknown, limits?: NormalizeLimits): NormalizedBatch {
  const spans = Array.isArray(document) ? document : (document as { spans?: unknown } | null)?.spans;
  checkItemCount(Array.isArray(spans) ? spans.length : 0, limits);
  const batch = NativeSpanBatch.safeParse(document);
  if (!batch.success) {
    throw new IngestFormatError(
      `Malformed span batch, expected {"spans": [...]} or an array of spans: ${firstIssueMessage(batch.error, [])}`,
    );
  }
  if (Array.isArray(batch.data))
    return normalizeEach(batch.data, [], NativeSpan, (span) => nativeSpanRecord(span, null), limits);
  const serviceName = batch.data.service_name ?? null;
  return normalizeEach(batch.data.spans, ["spans"], NativeSpan, (span) => nativeSpanRecord(span, serviceName), limits);
}

function nativeSpanRecord(span: NativeSpan, batchServiceName: string | null): SpanRecord {
  const serviceName = span.service_name ?? batchServiceName;
  return {
    traceId: span.trace_id,
    spanId: span.span_id,
    parentSpanId: span.parent_span_id,
    name: span.name,
    kind: span.kind ?? SpanKind.INTERNAL,
    startTimeNs: span.start_time,
    endTimeNs: span.end_time,
    statusCode: span.status?.code ?? StatusCode.UNSET,
    statusMessage: span.status?.message || null,
    serviceName: serviceName ?? UNKNOWN_SERVICE,
    resourceAttributes: serviceName === null ? {} : { "service.name": serviceName },
    attributes: span.attributes ?? {},
    events: (span.events ?? []).map((event) => ({
      name: event.name,
      timeNs: event.time.toString(),
      attributes: event.attributes ?? {},
    })),
    links: [],
    scopeName: null,
    scopeVersion: null,
    traceState: null,
  };
}
