import { IngestFormatError } from "@/lib/collector/normalize/ingest-format-error";
import { normalizeOtlpJson } from "@/lib/collector/normalize/otlp-json";
import { parseJsonExact } from "@/lib/collector/normalize/parse-json-exact";
import { normalizeZipkinSpans } from "@/lib/collector/normalize/zipkin";
import type { SpanRecord } from "@/lib/domain/span-record";

export type TraceFileFormat = "otlp" | "zipkin";

export interface TraceFile {
  format: TraceFileFormat;
  /** The traces in the file, most spans first. */
  traces: Array<{ traceId: string; spans: SpanRecord[] }>;
  /** Spans the collector would have refused, with a few reasons. */
  rejected: number;
  errors: string[];
}

/**
 * Reads an OTLP JSON `ExportTraceServiceRequest` (an object with `resourceSpans`, also
 * what `?format=otlp` answers) or a Zipkin v2 JSON span array with the collector's own
 * normalizers, entirely in the browser; nothing is stored. Throws IngestFormatError with
 * a readable reason when the file is neither.
 */
export function readTraceFile(text: string): TraceFile {
  const document = parseJsonExact(text);
  let format: TraceFileFormat;
  let batch;
  if (Array.isArray(document)) {
    format = "zipkin";
    batch = normalizeZipkinSpans(document);
  } else if (document !== null && typeof document === "object" && "resourceSpans" in document) {
    format = "otlp";
    batch = normalizeOtlpJson(document);
  } else {
    throw new IngestFormatError("Not a trace file: expected an OTLP JSON export (an object with resourceSpans) or a Zipkin v2 JSON array of spans");
  }
  const byTrace = new Map<string, SpanRecord[]>();
  for (const span of batch.spans) {
    const spans = byTrace.get(span.traceId);
    if (spans) spans.push(span);
    else byTrace.set(span.traceId, [span]);
  }
  const traces = [...byTrace].map(([traceId, spans]) => ({ traceId, spans })).sort((a, b) => b.spans.length - a.spans.length);
  return { format, traces, rejected: batch.rejected, errors: batch.errors };
}
