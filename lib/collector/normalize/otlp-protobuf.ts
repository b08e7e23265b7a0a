import type { NormalizedBatch } from "@/lib/domain/span-record";
import { ExportTraceServiceRequest } from "../wire/otlp-proto";
import { IngestFormatError } from "./ingest-format-error";
import type { NormalizeLimits } from "./normalize-limits";
import { normalizeOtlpJson } from "./otlp-json";

/**
 * An OTLP/HTTP protobuf `ExportTraceServiceRequest` body to span records, through the same
 * normalizer as OTLP JSON: decoded messages have the proto3 JSON field names, and their
 * unset message and oneof fields read as null. Ids and bytes arrive as Uint8Array and int64 as long.js
 * values, which the normalizer reads too; that skips `toObject`, which copies the whole
 * tree and spells every int64 out as a string (half the cost of this path).
 * A body that does not decode throws an IngestFormatError. (The schema is the project's own,
 * `wire/otlp-proto.ts`: spans sent only in the `instrumentation_library_spans` field that
 * senders dropped in 2022 are not seen.)
 */
export function normalizeOtlpProtobuf(body: Uint8Array, limits?: NormalizeLimits): NormalizedBatch {
  let message: object;
  try {
    // Decoding recurses per nesting level, so hostile nesting ends here as a RangeError.
    message = ExportTraceServiceRequest.decode(body);
  } catch (error) {
    throw new IngestFormatError(
      `Malformed protobuf ExportTraceServiceRequest: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return normalizeOtlpJson(message, limits);
}
