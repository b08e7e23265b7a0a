import { Root, type INamespace } from "protobufjs";
import { OPENTELEMETRY_NAMESPACE } from "./otlp-proto";

/**
 * The messages of Grafana Tempo's query API that Traceboard answers with in protobuf
 * (`Accept: application/protobuf`, as Grafana's Tempo data source asks), owned by this
 * project like otlp-proto.ts. Written from the field numbers and types of Tempo's
 * pkg/tempopb/tempo.proto (`Trace`, `TraceByIDResponse`, `TraceByIDMetrics`,
 * `PartialStatus`); the resource spans are OTLP's own messages, which Tempo's vendored
 * copy of opentelemetry-proto numbers alike. Left out, as fields never written here:
 * `TraceByIDMetrics.additionalMetrics` (4, a map).
 */
const tempopb: INamespace = {
  nested: {
    Trace: { fields: { resourceSpans: { rule: "repeated", type: "opentelemetry.proto.trace.v1.ResourceSpans", id: 1 } } },
    TraceByIDResponse: {
      fields: {
        trace: { type: "Trace", id: 1 },
        metrics: { type: "TraceByIDMetrics", id: 2 },
        status: { type: "PartialStatus", id: 3 },
        message: { type: "string", id: 4 },
      },
    },
    TraceByIDMetrics: {
      fields: {
        inspectedBytes: { type: "uint64", id: 1 },
        backendReads: { type: "uint64", id: 2 },
        backendBytes: { type: "uint64", id: 3 },
      },
    },
    PartialStatus: { values: { COMPLETE: 0, PARTIAL: 1 } },
  },
};

const root = Root.fromJSON({ nested: { opentelemetry: OPENTELEMETRY_NAMESPACE, tempopb } }).resolveAll();

/** `tempopb.Trace`: the answer of `GET /api/traces/{traceID}` (the same wire as OTLP's TracesData). */
export const TempoTrace = root.lookupType("tempopb.Trace");
/** `tempopb.TraceByIDResponse`: the answer of `GET /api/v2/traces/{traceID}`. */
export const TempoTraceByIDResponse = root.lookupType("tempopb.TraceByIDResponse");
