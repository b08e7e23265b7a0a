import generatedRoot from "@opentelemetry/otlp-transformer/build/src/generated/root.js";
import type { NormalizedBatch } from "@/lib/domain/span-record";
import { IngestFormatError } from "./ingest-format-error";
import { normalizeOtlpJson } from "./otlp-json";

/** The static protobufjs module shipped with otlp-transformer; its typings only say `Root`. */
interface GeneratedOtlpRoot {
  opentelemetry: {
    proto: { collector: { trace: { v1: { ExportTraceServiceRequest: { decode(body: Uint8Array): object } } } } };
  };
}

const { ExportTraceServiceRequest } = (generatedRoot as unknown as GeneratedOtlpRoot).opentelemetry.proto.collector
  .trace.v1;

/**
 * An OTLP/HTTP protobuf `ExportTraceServiceRequest` body to span records, through the same
 * normalizer as OTLP JSON: decoded messages have the proto3 JSON field names, and their
 * unset fields read as null. Ids and bytes arrive as Uint8Array and int64 as long.js
 * values, which the normalizer reads too; that skips `toObject`, which copies the whole
 * tree and spells every int64 out as a string (half the cost of this path).
 * A body that does not decode throws an IngestFormatError. (The schema is OTLP 1.x: spans
 * sent only in the `instrumentation_library_spans` field that senders dropped in 2022 are
 * not seen.)
 */
export function normalizeOtlpProtobuf(body: Uint8Array): NormalizedBatch {
  let message: object;
  try {
    // Decoding recurses per nesting level, so hostile nesting ends here as a RangeError.
    message = ExportTraceServiceRequest.decode(body);
  } catch (error) {
    throw new IngestFormatError(
      `Malformed protobuf ExportTraceServiceRequest: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return normalizeOtlpJson(message);
}
