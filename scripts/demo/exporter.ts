// The OTLP/HTTP exporter each service uses (protobuf by default, JSON with --json), and
// a tally around it: the BatchSpanProcessor only logs failed exports, but the demo must
// know, so every export result is counted here.
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import { OTLPTraceExporter as OtlpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OtlpProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-node";

export type Protocol = "protobuf" | "json";

export interface ExportTarget {
  /** Full endpoint URL, like `http://localhost:3000/v1/traces`. */
  endpoint: string;
  protocol: Protocol;
  token?: string;
}

/** Per request, retries included (the exporter retries 429, 502, 503 and 504). */
export const EXPORT_TIMEOUT_MS = 30_000;

export function createOtlpExporter(target: ExportTarget): SpanExporter {
  const headers: Record<string, string> = target.token ? { Authorization: `Bearer ${target.token}` } : {};
  const config = { url: target.endpoint, headers, timeoutMillis: EXPORT_TIMEOUT_MS };
  return target.protocol === "json" ? new OtlpJsonExporter(config) : new OtlpProtoExporter(config);
}

export interface ExportTally {
  requests: number;
  exportedSpans: number;
  failedSpans: number;
  /** Distinct failure messages, in the order first seen. */
  errors: string[];
}

export function emptyTally(): ExportTally {
  return { requests: 0, exportedSpans: 0, failedSpans: 0, errors: [] };
}

function describe(result: ExportResult): string {
  return result.error?.message || "export failed without an error message";
}

/** Wraps an exporter so that every batch's result lands in `tally`. */
export function tallied(exporter: SpanExporter, tally: ExportTally): SpanExporter {
  return {
    export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void) {
      tally.requests++;
      exporter.export(spans, (result) => {
        if (result.code === ExportResultCode.SUCCESS) {
          tally.exportedSpans += spans.length;
        } else {
          tally.failedSpans += spans.length;
          const message = describe(result);
          if (!tally.errors.includes(message)) tally.errors.push(message);
        }
        resultCallback(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}
