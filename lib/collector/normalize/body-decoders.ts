import type { NormalizedBatch } from "@/lib/domain/span-record";
import { normalizeNativeBatch } from "./native";
import type { NormalizeLimits } from "./normalize-limits";
import { normalizeOtlpJson } from "./otlp-json";
import { normalizeOtlpProtobuf } from "./otlp-protobuf";
import { parseJsonExact } from "./parse-json-exact";
import { normalizeZipkinSpans } from "./zipkin";

/** Decodes a request body of one wire format into span records; throws on a malformed document or one over the limits. */
export type BodyDecoder = (body: Uint8Array, mediaType: string, limits: NormalizeLimits) => NormalizedBatch;

const json = (body: Uint8Array) => parseJsonExact(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8"));

/**
 * Every wire format's decoder, by name. Pure functions of their arguments: a large body
 * is decoded on the decode thread (lib/collector/ingest/decode-thread.ts), which names the
 * decoder instead of sending code.
 */
export const BODY_DECODERS = {
  otlp: (body, mediaType, limits) =>
    mediaType === "application/json" ? normalizeOtlpJson(json(body), limits) : normalizeOtlpProtobuf(body, limits),
  zipkin: (body, _mediaType, limits) => normalizeZipkinSpans(json(body), limits),
  native: (body, _mediaType, limits) => normalizeNativeBatch(json(body), limits),
} satisfies Record<string, BodyDecoder>;

export type DecoderName = keyof typeof BODY_DECODERS;
