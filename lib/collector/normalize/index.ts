export { IngestFormatError } from "./ingest-format-error";
export { parseJsonExact } from "./parse-json-exact";
export { normalizeOtlpJson } from "./otlp-json";
export { normalizeOtlpProtobuf } from "./otlp-protobuf";
export { normalizeZipkinSpans } from "./zipkin";
export { normalizeNativeBatch } from "./native";
export { type NormalizeLimits, TooManySpansError } from "./normalize-limits";
