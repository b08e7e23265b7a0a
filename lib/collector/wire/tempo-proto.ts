import { Root, type IField, type INamespace } from "protobufjs";
import { keyValues, OPENTELEMETRY_NAMESPACE } from "./otlp-proto";

/**
 * The messages of Grafana Tempo's query API that Traceboard answers with in protobuf
 * (`Accept: application/protobuf`, as Grafana's Tempo data source asks), owned by this
 * project like otlp-proto.ts. Written from the field numbers and types of Tempo's
 * pkg/tempopb/tempo.proto (`Trace`, `TraceByIDResponse`, `TraceByIDMetrics`,
 * `PartialStatus`, and the search, tag-name and tag-value answers); the resource spans and
 * key-values are OTLP's own messages, which Tempo's vendored copy of opentelemetry-proto
 * numbers alike. Left out, as fields never written here: the backend and additional
 * counters of the metrics messages (`TraceByIDMetrics` 4, `SearchMetrics` 6-10,
 * `MetadataMetrics` 4-8).
 */
/** `map<string, ServiceStats> serviceStats = 8` (protobufjs' map field, which its IField type does not spell). */
const MAP_OF_SERVICE_STATS = { keyType: "string", type: "ServiceStats", id: 8 } as IField;

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
    SearchResponse: { fields: { traces: { rule: "repeated", type: "TraceSearchMetadata", id: 1 }, metrics: { type: "SearchMetrics", id: 2 } } },
    TraceSearchMetadata: {
      fields: {
        traceID: { type: "string", id: 1 },
        rootServiceName: { type: "string", id: 2 },
        rootTraceName: { type: "string", id: 3 },
        startTimeUnixNano: { type: "uint64", id: 4 },
        durationMs: { type: "uint32", id: 5 },
        spanSet: { type: "SpanSet", id: 6 },
        spanSets: { rule: "repeated", type: "SpanSet", id: 7 },
        serviceStats: MAP_OF_SERVICE_STATS,
      },
    },
    ServiceStats: { fields: { spanCount: { type: "uint32", id: 1 }, errorCount: { type: "uint32", id: 2 } } },
    SpanSet: { fields: { spans: { rule: "repeated", type: "Span", id: 1 }, matched: { type: "uint32", id: 2 }, attributes: keyValues(3) } },
    Span: {
      fields: {
        spanID: { type: "string", id: 1 },
        name: { type: "string", id: 2 },
        startTimeUnixNano: { type: "uint64", id: 3 },
        durationNanos: { type: "uint64", id: 4 },
        attributes: keyValues(5),
      },
    },
    SearchMetrics: {
      fields: {
        inspectedTraces: { type: "uint32", id: 1 },
        inspectedBytes: { type: "uint64", id: 2 },
        totalBlocks: { type: "uint32", id: 3 },
        completedJobs: { type: "uint32", id: 4 },
        totalJobs: { type: "uint32", id: 5 },
      },
    },
    SearchTagsResponse: { fields: { tagNames: { rule: "repeated", type: "string", id: 1 }, metrics: { type: "MetadataMetrics", id: 2 } } },
    SearchTagsV2Response: { fields: { scopes: { rule: "repeated", type: "SearchTagsV2Scope", id: 1 }, metrics: { type: "MetadataMetrics", id: 2 } } },
    SearchTagsV2Scope: { fields: { name: { type: "string", id: 1 }, tags: { rule: "repeated", type: "string", id: 2 } } },
    SearchTagValuesResponse: { fields: { tagValues: { rule: "repeated", type: "string", id: 1 }, metrics: { type: "MetadataMetrics", id: 2 } } },
    TagValue: { fields: { type: { type: "string", id: 1 }, value: { type: "string", id: 2 } } },
    SearchTagValuesV2Response: { fields: { tagValues: { rule: "repeated", type: "TagValue", id: 1 }, metrics: { type: "MetadataMetrics", id: 2 } } },
    MetadataMetrics: { fields: { inspectedBytes: { type: "uint64", id: 1 }, totalJobs: { type: "uint32", id: 2 }, completedJobs: { type: "uint32", id: 3 } } },
  },
};

const root = Root.fromJSON({ nested: { opentelemetry: OPENTELEMETRY_NAMESPACE, tempopb } }).resolveAll();

/** `tempopb.Trace`: the answer of `GET /api/traces/{traceID}` (the same wire as OTLP's TracesData). */
export const TempoTrace = root.lookupType("tempopb.Trace");
/** `tempopb.TraceByIDResponse`: the answer of `GET /api/v2/traces/{traceID}`. */
export const TempoTraceByIDResponse = root.lookupType("tempopb.TraceByIDResponse");
/** The answers of search, tag names and tag values, v1 and v2. */
export const TempoSearchResponse = root.lookupType("tempopb.SearchResponse");
export const TempoSearchTagsResponse = root.lookupType("tempopb.SearchTagsResponse");
export const TempoSearchTagsV2Response = root.lookupType("tempopb.SearchTagsV2Response");
export const TempoSearchTagValuesResponse = root.lookupType("tempopb.SearchTagValuesResponse");
export const TempoSearchTagValuesV2Response = root.lookupType("tempopb.SearchTagValuesV2Response");
