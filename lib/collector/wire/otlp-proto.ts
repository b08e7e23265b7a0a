import { Namespace, Root, Type, util, type INamespace } from "protobufjs";

/**
 * The protobuf schema of OTLP traces, owned by this project: the messages an OTLP/HTTP
 * `POST /v1/traces` carries, as a protobufjs JSON definition. Field names are the proto3
 * JSON (lowerCamelCase) names, so a decoded message reads like an OTLP/JSON document.
 *
 * Origin: opentelemetry-proto v1.11.0 (commit 790608c4d51e6ffc12210b541e8514cbed9e91a4),
 * files common/v1/common.proto, resource/v1/resource.proto, trace/v1/trace.proto and
 * collector/trace/v1/trace_service.proto; field numbers and types are theirs. Left out, as
 * fields this receiver does not read (decoding skips unknown fields, as proto3 requires):
 * the profiling-only `AnyValue.string_value_strindex` (8) and `KeyValue.key_strindex` (3),
 * and the development-status `Resource.entity_refs` (3) with its `EntityRef` message.
 *
 * 64-bit fields (fixed64 times, int64 values and counts) decode as long.js values, which
 * `normalize/long-int.ts` turns into exact bigints; encoding takes numbers, decimal
 * strings or long.js values. Unset fields of a decoded message read as null (see below).
 */

// Without long.js, protobufjs decodes 64-bit fields to doubles: nanosecond times would lose digits.
if (!util.Long) throw new Error("protobufjs did not load long.js; 64-bit OTLP fields would lose precision");

/** A repeated OTLP KeyValue field (attributes) numbered `id`, fully qualified so other schemas can embed it too. */
export const keyValues = (id: number) => ({ rule: "repeated", type: "opentelemetry.proto.common.v1.KeyValue", id });

const common: INamespace["nested"] = {
  AnyValue: {
    oneofs: {
      value: {
        oneof: ["stringValue", "boolValue", "intValue", "doubleValue", "arrayValue", "kvlistValue", "bytesValue"],
      },
    },
    fields: {
      stringValue: { type: "string", id: 1 },
      boolValue: { type: "bool", id: 2 },
      intValue: { type: "int64", id: 3 },
      doubleValue: { type: "double", id: 4 },
      arrayValue: { type: "ArrayValue", id: 5 },
      kvlistValue: { type: "KeyValueList", id: 6 },
      bytesValue: { type: "bytes", id: 7 },
    },
  },
  ArrayValue: { fields: { values: { rule: "repeated", type: "AnyValue", id: 1 } } },
  KeyValueList: { fields: { values: { rule: "repeated", type: "KeyValue", id: 1 } } },
  KeyValue: {
    fields: {
      key: { type: "string", id: 1 },
      value: { type: "AnyValue", id: 2 },
    },
  },
  InstrumentationScope: {
    fields: {
      name: { type: "string", id: 1 },
      version: { type: "string", id: 2 },
      attributes: keyValues(3),
      droppedAttributesCount: { type: "uint32", id: 4 },
    },
  },
};

const resource: INamespace["nested"] = {
  Resource: {
    fields: {
      attributes: keyValues(1),
      droppedAttributesCount: { type: "uint32", id: 2 },
    },
  },
};

const trace: INamespace["nested"] = {
  TracesData: { fields: { resourceSpans: { rule: "repeated", type: "ResourceSpans", id: 1 } } },
  ResourceSpans: {
    reserved: [[1000, 1000]],
    fields: {
      resource: { type: "opentelemetry.proto.resource.v1.Resource", id: 1 },
      scopeSpans: { rule: "repeated", type: "ScopeSpans", id: 2 },
      schemaUrl: { type: "string", id: 3 },
    },
  },
  ScopeSpans: {
    fields: {
      scope: { type: "opentelemetry.proto.common.v1.InstrumentationScope", id: 1 },
      spans: { rule: "repeated", type: "Span", id: 2 },
      schemaUrl: { type: "string", id: 3 },
    },
  },
  Span: {
    fields: {
      traceId: { type: "bytes", id: 1 },
      spanId: { type: "bytes", id: 2 },
      traceState: { type: "string", id: 3 },
      parentSpanId: { type: "bytes", id: 4 },
      flags: { type: "fixed32", id: 16 },
      name: { type: "string", id: 5 },
      kind: { type: "SpanKind", id: 6 },
      startTimeUnixNano: { type: "fixed64", id: 7 },
      endTimeUnixNano: { type: "fixed64", id: 8 },
      attributes: keyValues(9),
      droppedAttributesCount: { type: "uint32", id: 10 },
      events: { rule: "repeated", type: "Event", id: 11 },
      droppedEventsCount: { type: "uint32", id: 12 },
      links: { rule: "repeated", type: "Link", id: 13 },
      droppedLinksCount: { type: "uint32", id: 14 },
      status: { type: "Status", id: 15 },
    },
    nested: {
      SpanKind: {
        values: {
          SPAN_KIND_UNSPECIFIED: 0,
          SPAN_KIND_INTERNAL: 1,
          SPAN_KIND_SERVER: 2,
          SPAN_KIND_CLIENT: 3,
          SPAN_KIND_PRODUCER: 4,
          SPAN_KIND_CONSUMER: 5,
        },
      },
      Event: {
        fields: {
          timeUnixNano: { type: "fixed64", id: 1 },
          name: { type: "string", id: 2 },
          attributes: keyValues(3),
          droppedAttributesCount: { type: "uint32", id: 4 },
        },
      },
      Link: {
        fields: {
          traceId: { type: "bytes", id: 1 },
          spanId: { type: "bytes", id: 2 },
          traceState: { type: "string", id: 3 },
          attributes: keyValues(4),
          droppedAttributesCount: { type: "uint32", id: 5 },
          flags: { type: "fixed32", id: 6 },
        },
      },
    },
  },
  Status: {
    reserved: [[1, 1]],
    fields: {
      message: { type: "string", id: 2 },
      code: { type: "StatusCode", id: 3 },
    },
    nested: {
      StatusCode: { values: { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 } },
    },
  },
  SpanFlags: {
    values: {
      SPAN_FLAGS_DO_NOT_USE: 0,
      SPAN_FLAGS_TRACE_FLAGS_MASK: 0xff,
      SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE_MASK: 0x100,
      SPAN_FLAGS_CONTEXT_IS_REMOTE_MASK: 0x200,
    },
  },
};

const collectorTrace: INamespace["nested"] = {
  ExportTraceServiceRequest: {
    fields: { resourceSpans: { rule: "repeated", type: "opentelemetry.proto.trace.v1.ResourceSpans", id: 1 } },
  },
  ExportTraceServiceResponse: {
    fields: { partialSuccess: { type: "ExportTracePartialSuccess", id: 1 } },
  },
  ExportTracePartialSuccess: {
    fields: {
      rejectedSpans: { type: "int64", id: 1 },
      errorMessage: { type: "string", id: 2 },
    },
  },
};

const v1 = (messages: INamespace["nested"]): INamespace => ({ nested: { v1: { nested: messages } } });

/**
 * The `opentelemetry` package as a protobufjs JSON namespace, for schemas that embed OTLP
 * messages in their own (Tempo's query API answers, lib/collector/wire/tempo-proto.ts).
 */
export const OPENTELEMETRY_NAMESPACE: INamespace = {
  nested: {
    proto: {
      nested: {
        common: v1(common),
        resource: v1(resource),
        trace: v1(trace),
        collector: { nested: { trace: v1(collectorTrace) } },
      },
    },
  },
};

const root = Root.fromJSON({ nested: { opentelemetry: OPENTELEMETRY_NAMESPACE } }).resolveAll();

/**
 * An unset singular field of a decoded message reads as null (as pbjs static code built with
 * `--null-defaults` has it), so the normalizer can tell a span without a start time or an id
 * from one that sent zero or an empty id, and an AnyValue holding a bool does not also seem
 * to hold "" and 0. Reflection would put each type's zero value on the prototype instead.
 * Repeated fields keep their shared empty array.
 */
function nullDefaults(namespace: Namespace): void {
  for (const nested of namespace.nestedArray) {
    if (nested instanceof Type) {
      const prototype = nested.ctor.prototype as Record<string, unknown>;
      for (const field of nested.fieldsArray) if (!field.repeated && !field.map) prototype[field.name] = null;
    }
    if (nested instanceof Namespace) nullDefaults(nested);
  }
}
nullDefaults(root);

/** `opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest`, the body of `POST /v1/traces`. */
export const ExportTraceServiceRequest = root.lookupType("opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest");
/** Its answer: empty on full success, `partialSuccess` when spans were rejected. */
export const ExportTraceServiceResponse = root.lookupType(
  "opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse",
);
/** `opentelemetry.proto.trace.v1.TracesData`, the same resource spans outside the collector protocol. */
export const TracesData = root.lookupType("opentelemetry.proto.trace.v1.TracesData");
