// OTLP/HTTP JSON request bodies (ExportTraceServiceRequest) for the ingest benchmark,
// made before any timing so the load generator's CPU stays mostly idle.
//
// A few dozen template bodies of realistic spans (bench/lib/realistic-spans.ts: traces
// of 5-40 spans, parent/child links, several services each in its own resourceSpans,
// 6-7 typed attributes, some error spans with exception events; int64 as strings) are
// serialized once. Every request then gets a copy of a template with two in-place
// patches, a few microseconds of work:
//  - fresh random trace ids (one per trace, so parent/child links still hold and
//    nothing is ever deduplicated; random keys, as real trace ids are);
//  - every timestamp moved by the time elapsed since the templates were made, so span
//    times track the wall clock like live traffic (and stay inside retention).
// A `BodyRecipe` (template, trace ids, shift) rebuilds the exact same bytes later:
// the raw-insert baseline replays the bodies the server acknowledged.
import { randomBytes } from "node:crypto";
import type { AttributeValue, Attributes, SpanRecord } from "@/lib/domain/span-record";
import { patchProtobuf, protobufTemplate, type ProtobufTemplate } from "./otlp-protobuf-template";
import { realisticSpans } from "./realistic-spans";

const TRACE_ID_FIELD = '"traceId":"';
const TRACE_ID_CHARS = 32;
const TIME_FIELD = 'UnixNano":"';
const TIME_DIGITS = 19;
const ZERO = 0x30;

interface Template {
  bytes: Buffer;
  /** The same request as protobuf, patched the same way (otlp-protobuf-template.ts). */
  protobuf: ProtobufTemplate;
  spans: number;
  traces: number;
  /** Byte offset of each span's trace id, and which of the body's traces it belongs to. */
  traceIdOffsets: Uint32Array;
  traceIndex: Uint16Array;
  /** Byte offsets of every 19-digit unix-nanosecond time (span start/end, event time). */
  timeOffsets: Uint32Array;
}

/** Everything needed to rebuild one request body byte for byte. */
export interface BodyRecipe {
  template: number;
  /** 16 random bytes per trace of the template. */
  traceIds: Buffer;
  shiftNs: bigint;
}

type OtlpAnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number | string }
  | { bytesValue: string }
  | { arrayValue: { values: OtlpAnyValue[] } }
  | { kvlistValue: { values: OtlpKeyValue[] } };
type OtlpKeyValue = { key: string; value: OtlpAnyValue };

function anyValue(value: AttributeValue): OtlpAnyValue {
  if (typeof value === "string") return { stringValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  if (typeof value === "number") return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(anyValue) } };
  if ("int" in value) return { intValue: value.int };
  if ("double" in value) return { doubleValue: value.double };
  if ("bytes" in value) return { bytesValue: value.bytes };
  return { kvlistValue: { values: keyValues(value.kvlist) } };
}

function keyValues(attributes: Attributes): OtlpKeyValue[] {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: anyValue(value) }));
}

function otlpSpan(span: SpanRecord) {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
    name: span.name,
    kind: span.kind,
    startTimeUnixNano: span.startTimeNs.toString(),
    endTimeUnixNano: span.endTimeNs.toString(),
    attributes: keyValues(span.attributes),
    ...(span.events.length > 0
      ? { events: span.events.map((event) => ({ timeUnixNano: event.timeNs, name: event.name, attributes: keyValues(event.attributes) })) }
      : {}),
    status: span.statusMessage ? { code: span.statusCode, message: span.statusMessage } : { code: span.statusCode },
  };
}

/** The spans as one ExportTraceServiceRequest, one resourceSpans per service; also the spans in document order. */
function exportRequest(spans: readonly SpanRecord[]): { document: unknown; order: SpanRecord[] } {
  const byService = new Map<string, SpanRecord[]>();
  for (const span of spans) {
    const group = byService.get(span.serviceName) ?? [];
    group.push(span);
    byService.set(span.serviceName, group);
  }
  const resourceSpans = [...byService.values()].map((group) => ({
    resource: { attributes: keyValues(group[0].resourceAttributes) },
    scopeSpans: [{ scope: { name: group[0].scopeName ?? "", version: group[0].scopeVersion ?? "" }, spans: group.map(otlpSpan) }],
  }));
  return { document: { resourceSpans }, order: [...byService.values()].flat() };
}

function offsetsOf(text: string, marker: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) offsets.push(at + marker.length);
  return offsets;
}

function makeTemplate(spansPerBody: number, startNs: bigint): Template {
  const spans = realisticSpans(spansPerBody, startNs);
  const { document, order } = exportRequest(spans);
  const text = JSON.stringify(document);
  const bytes = Buffer.from(text, "latin1");
  if (bytes.toString("latin1") !== text || Buffer.byteLength(text) !== text.length) throw new Error("template body is not ASCII");
  const traceIds = [...new Set(spans.map((span) => span.traceId))];
  const traceNumber = new Map(traceIds.map((id, index) => [id, index]));
  const traceIdOffsets = offsetsOf(text, TRACE_ID_FIELD);
  if (traceIdOffsets.length !== order.length) throw new Error(`template: ${traceIdOffsets.length} trace ids for ${order.length} spans`);
  traceIdOffsets.forEach((offset, i) => {
    if (text.slice(offset, offset + TRACE_ID_CHARS) !== order[i].traceId) throw new Error("template: trace id offsets out of order");
  });
  const timeOffsets = offsetsOf(text, TIME_FIELD);
  for (const offset of timeOffsets) {
    if (!/^\d{19}"$/.test(text.slice(offset, offset + TIME_DIGITS + 1))) throw new Error("template: a time is not 19 digits");
  }
  return {
    bytes,
    protobuf: protobufTemplate(document, traceIds),
    spans: order.length,
    traces: traceIds.length,
    traceIdOffsets: Uint32Array.from(traceIdOffsets),
    traceIndex: Uint16Array.from(order.map((span) => traceNumber.get(span.traceId)!)),
    timeOffsets: Uint32Array.from(timeOffsets),
  };
}

/** Adds the 19 ASCII digits `shift` to the 19-digit decimal at `offset` of `bytes`, in place. */
function addDecimal(bytes: Buffer, offset: number, shift: Uint8Array): void {
  let carry = 0;
  for (let i = TIME_DIGITS - 1; i >= 0; i--) {
    const sum = bytes[offset + i] - ZERO + shift[i] + carry;
    carry = sum >= 10 ? 1 : 0;
    bytes[offset + i] = ZERO + sum - carry * 10;
  }
  if (carry) throw new Error("timestamp overflowed 19 digits");
}

export class OtlpBodySource {
  private readonly templates: Template[] = [];
  private readonly createdAtMs = Date.now();
  private next = 0;

  /** `templates` bodies of `spansPerBody` spans, times starting now. */
  constructor(
    readonly spansPerBody: number,
    templates: number,
  ) {
    const nowNs = BigInt(this.createdAtMs) * 1_000_000n;
    for (let t = 0; t < templates; t++) this.templates.push(makeTemplate(spansPerBody, nowNs));
  }

  /** A new recipe: the next template in turn, fresh trace ids, times moved to now. */
  recipe(): BodyRecipe {
    const template = this.next;
    this.next = (this.next + 1) % this.templates.length;
    const shiftNs = BigInt(Date.now() - this.createdAtMs) * 1_000_000n;
    return { template, traceIds: randomBytes(16 * this.templates[template].traces), shiftNs };
  }

  /** The exact body a recipe stands for. */
  body(recipe: BodyRecipe): Buffer {
    const template = this.templates[recipe.template];
    const bytes = Buffer.from(template.bytes);
    const hex = Buffer.from(recipe.traceIds.toString("hex"), "latin1");
    for (let i = 0; i < template.traceIdOffsets.length; i++) {
      const from = template.traceIndex[i] * TRACE_ID_CHARS;
      hex.copy(bytes, template.traceIdOffsets[i], from, from + TRACE_ID_CHARS);
    }
    if (recipe.shiftNs > 0n) {
      const shift = Buffer.from(recipe.shiftNs.toString().padStart(TIME_DIGITS, "0"), "latin1").map((digit) => digit - ZERO);
      for (const offset of template.timeOffsets) addDecimal(bytes, offset, shift);
    }
    return bytes;
  }

  /** The same request as `body(recipe)`, as an OTLP protobuf ExportTraceServiceRequest. */
  protobufBody(recipe: BodyRecipe): Buffer {
    return patchProtobuf(this.templates[recipe.template].protobuf, recipe.traceIds, recipe.shiftNs);
  }

  spansIn(recipe: BodyRecipe): number {
    return this.templates[recipe.template].spans;
  }

  /** Mean body size in bytes. */
  meanBodyBytes(): number {
    return this.templates.reduce((sum, template) => sum + template.bytes.length, 0) / this.templates.length;
  }

  /** Mean protobuf body size in bytes. */
  meanProtobufBytes(): number {
    return this.templates.reduce((sum, template) => sum + template.protobuf.bytes.length, 0) / this.templates.length;
  }
}
