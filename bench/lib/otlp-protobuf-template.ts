// The protobuf twin of an OTLP/JSON template body (otlp-bodies.ts): the same
// ExportTraceServiceRequest encoded once with the project's schema, with the byte
// offsets of every trace id (16 raw bytes) and every unix-nanosecond time (fixed64,
// little-endian), so a recipe's fresh trace ids and time shift patch it in place as they
// patch the JSON. The offsets are found by encoding unique sentinel values first.
import { ExportTraceServiceRequest } from "@/lib/collector/wire/otlp-proto";

export interface ProtobufTemplate {
  bytes: Buffer;
  traceIdOffsets: Uint32Array;
  /** Which of the template's traces each trace-id offset holds. */
  traceIndex: Uint16Array;
  timeOffsets: Uint32Array;
}

const TIME_SENTINEL = 0x7e5e_1000_0000_0000n;
const ID_SENTINEL = Buffer.from("tb-bench-id:", "latin1");
const ID_FIELDS = new Set(["spanId", "parentSpanId"]);

function idSentinel(trace: number): Buffer {
  const sentinel = Buffer.alloc(16);
  ID_SENTINEL.copy(sentinel);
  sentinel.writeUInt32BE(trace, 12);
  return sentinel;
}

function offsetsOf(bytes: Buffer, pattern: Buffer): number[] {
  const offsets: number[] = [];
  for (let at = bytes.indexOf(pattern); at !== -1; at = bytes.indexOf(pattern, at + pattern.length)) offsets.push(at);
  return offsets;
}

/** `document` (OTLP/JSON: hex ids, decimal-string times) encoded as protobuf, with its patch points. */
export function protobufTemplate(document: unknown, traceIds: readonly string[]): ProtobufTemplate {
  const traceNumber = new Map(traceIds.map((id, index) => [id, index]));
  const times: bigint[] = [];
  const marked = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(marked);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => {
        if (key === "traceId" && typeof field === "string" && traceNumber.has(field)) return [key, idSentinel(traceNumber.get(field)!)];
        if ((key === "traceId" || ID_FIELDS.has(key)) && typeof field === "string") return [key, Buffer.from(field, "hex")];
        if (key.endsWith("UnixNano") && typeof field === "string") {
          times.push(BigInt(field));
          return [key, (TIME_SENTINEL + BigInt(times.length - 1)).toString()];
        }
        return [key, marked(field)];
      }),
    );
  };
  const request = ExportTraceServiceRequest.fromObject(marked(document) as object);
  const bytes = Buffer.from(ExportTraceServiceRequest.encode(request).finish());

  const timeOffsets = times.map((time, index) => {
    const sentinel = Buffer.alloc(8);
    sentinel.writeBigUInt64LE(TIME_SENTINEL + BigInt(index));
    const [offset, ...more] = offsetsOf(bytes, sentinel);
    if (offset === undefined || more.length > 0) throw new Error(`protobuf template: time ${index} found ${more.length + (offset === undefined ? 0 : 1)} times`);
    bytes.writeBigUInt64LE(time, offset);
    return offset;
  });
  const traceIdOffsets: number[] = [];
  const traceIndex: number[] = [];
  traceIds.forEach((_, trace) => {
    for (const offset of offsetsOf(bytes, idSentinel(trace))) {
      traceIdOffsets.push(offset);
      traceIndex.push(trace);
    }
  });
  return { bytes, traceIdOffsets: Uint32Array.from(traceIdOffsets), traceIndex: Uint16Array.from(traceIndex), timeOffsets: Uint32Array.from(timeOffsets) };
}

/** The template's bytes with `traceIds` (16 bytes per trace) and every time moved by `shiftNs`. */
export function patchProtobuf(template: ProtobufTemplate, traceIds: Buffer, shiftNs: bigint): Buffer {
  const bytes = Buffer.from(template.bytes);
  for (let i = 0; i < template.traceIdOffsets.length; i++) {
    const from = template.traceIndex[i] * 16;
    traceIds.copy(bytes, template.traceIdOffsets[i], from, from + 16);
  }
  if (shiftNs > 0n) for (const offset of template.timeOffsets) bytes.writeBigUInt64LE(bytes.readBigUInt64LE(offset) + shiftNs, offset);
  return bytes;
}
