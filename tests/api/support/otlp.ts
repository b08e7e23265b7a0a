import { RpcStatus } from "@/lib/collector/wire/grpc-proto";
import { ExportTraceServiceRequest, ExportTraceServiceResponse } from "@/lib/collector/wire/otlp-proto";

/** Hand-built OTLP/JSON documents and the protobuf codecs of the project's OTLP schema (lib/collector/wire/otlp-proto.ts). */

export interface OtlpSpanInput {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  start: bigint;
  end: bigint;
  status?: { code: number; message?: string };
  attributes?: Array<{ key: string; value: Record<string, unknown> }>;
}

/** One span in OTLP/JSON form (hex ids, int64 times as strings). */
export function otlpSpan(span: OtlpSpanInput): Record<string, unknown> {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
    name: span.name,
    kind: span.kind ?? 1,
    startTimeUnixNano: span.start.toString(),
    endTimeUnixNano: span.end.toString(),
    ...(span.status ? { status: span.status } : {}),
    attributes: span.attributes ?? [],
  };
}

/** An ExportTraceServiceRequest with one resource (`service.name` = service) and one scope. */
export function otlpRequest(service: string, spans: Array<Record<string, unknown>>) {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] },
        scopeSpans: [{ scope: { name: "api-test", version: "1.0.0" }, spans }],
      },
    ],
  };
}

const ID_FIELDS = new Set(["traceId", "spanId", "parentSpanId"]);

/** Hex ids become bytes, as the protobuf encoding carries them; an id that is not even-length hex is sent as its raw UTF-8 bytes. */
function withByteIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withByteIds);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      if (ID_FIELDS.has(key) && typeof field === "string") {
        return [key, /^([0-9a-f]{2})*$/i.test(field) ? Buffer.from(field, "hex") : Buffer.from(field, "utf8")];
      }
      return [key, withByteIds(field)];
    }),
  );
}

/** An OTLP/JSON document (as `otlpRequest` builds it) encoded as a protobuf ExportTraceServiceRequest. */
export function encodeProtobufRequest(document: object): Uint8Array {
  const request = ExportTraceServiceRequest;
  return request.encode(request.fromObject(withByteIds(document) as object)).finish();
}

/** An ExportTraceServiceResponse body, int64 as strings. */
export function decodeProtobufResponse(body: Uint8Array): Record<string, unknown> {
  const response = ExportTraceServiceResponse;
  return response.toObject(response.decode(body), { longs: String });
}

/** A google.rpc.Status body (the project's schema, lib/collector/wire/grpc-proto.ts), without its details. */
export function decodeProtobufStatus(body: Uint8Array): { code: number; message: string } {
  const { code, message } = RpcStatus.toObject(RpcStatus.decode(body), { defaults: true }) as { code: number; message: string };
  return { code, message };
}
