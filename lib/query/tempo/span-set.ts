import type { OtlpKeyValue } from "@/lib/api/contracts/otlp-trace";
import type { TempoMatchedSpan, TempoSpanSet } from "@/lib/api/contracts/tempo";
import { SPAN_KIND_NAMES, STATUS_CODE_NAMES, type AttributeValue, type SpanRecord } from "@/lib/domain/span-record";
import type { Field } from "@/lib/query/traceql";
import { byStartThenId } from "../compat/span-order";
import { toOtlpAnyValue } from "../traces/otlp-any-value";

/**
 * A trace's matched spans as Tempo's search lists them (pkg/traceql/engine.go
 * asTraceSearchMetadata): span id, name, start and duration in nanoseconds (decimal
 * strings, a zero duration left out), and as attributes what the query named (status
 * and kind by name) with `service.name`, keyed by the bare attribute name.
 */

const keyValue = (key: string, value: AttributeValue): OtlpKeyValue => ({ key, value: toOtlpAnyValue(value) as OtlpKeyValue["value"] });

/** A field's value on a span as Tempo shows it, or undefined when the span has none (or Tempo leaves it out: names, durations). */
function shownValue(field: Field, span: SpanRecord): AttributeValue | undefined {
  if (field.kind === "attribute") {
    if (field.scope === "span") return span.attributes[field.key];
    if (field.scope === "resource") return span.resourceAttributes[field.key];
    return span.attributes[field.key] ?? span.resourceAttributes[field.key];
  }
  if (field.intrinsic === "status") return STATUS_CODE_NAMES[span.statusCode];
  if (field.intrinsic === "kind") return SPAN_KIND_NAMES[span.kind];
  if (field.intrinsic === "statusMessage") return span.statusMessage ?? undefined;
  return undefined;
}

const fieldName = (field: Field) => (field.kind === "attribute" ? field.key : field.intrinsic);

function matchedSpan(span: SpanRecord, fields: readonly Field[]): TempoMatchedSpan {
  const shown = new Map<string, AttributeValue>([["service.name", span.serviceName]]);
  for (const field of fields) {
    const value = shownValue(field, span);
    if (value !== undefined && !shown.has(fieldName(field))) shown.set(fieldName(field), value);
  }
  const duration = span.endTimeNs - span.startTimeNs;
  return {
    spanID: span.spanId,
    ...(span.name ? { name: span.name } : {}),
    startTimeUnixNano: span.startTimeNs.toString(),
    ...(duration > 0n ? { durationNanos: duration.toString() } : {}),
    attributes: [...shown].map(([key, value]) => keyValue(key, value)),
  };
}

/** The first `limit` matched spans by start time (all when `limit` is 0, as Tempo's spss=0), and how many matched. */
export function tempoSpanSet(spans: readonly SpanRecord[], fields: readonly Field[], limit: number): TempoSpanSet {
  const ordered = [...spans].sort(byStartThenId);
  return { spans: (limit > 0 ? ordered.slice(0, limit) : ordered).map((span) => matchedSpan(span, fields)), matched: spans.length };
}
