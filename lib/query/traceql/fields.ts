import { SPAN_KIND_NAMES, STATUS_CODE_NAMES } from "@/lib/domain/span-record";
import type { AttributeScope, Intrinsic, Scalar } from "./ast";

/** The type every intrinsic of the subset has; attributes have whatever type the span gives them. */
export const INTRINSIC_TYPES: Record<Intrinsic, Scalar["type"]> = {
  name: "string",
  status: "status",
  statusMessage: "string",
  kind: "kind",
  duration: "duration",
  rootName: "string",
  rootServiceName: "string",
  traceDuration: "duration",
};

/** Intrinsics by the `scope:name` Tempo spells them with (`span:name`, `trace:rootService` ...). */
export const SCOPED_INTRINSICS: Record<string, Intrinsic> = {
  "span:name": "name",
  "span:status": "status",
  "span:statusMessage": "statusMessage",
  "span:kind": "kind",
  "span:duration": "duration",
  "trace:rootName": "rootName",
  "trace:rootService": "rootServiceName",
  "trace:duration": "traceDuration",
};

/** TraceQL intrinsics outside the subset: named in the error rather than called unknown. */
export const UNSUPPORTED_INTRINSICS = new Set([
  "childCount", "parent", "nestedSetLeft", "nestedSetRight", "nestedSetParent",
  "span:id", "span:parentID", "span:childCount", "trace:id", "event:name", "event:timeSinceStart", "link:traceID", "link:spanID",
  "instrumentation:name", "instrumentation:version",
]);

export const ATTRIBUTE_SCOPE_OF: Record<string, AttributeScope> = { "": "any", span: "span", resource: "resource" };

/** Keywords that are literals: booleans, statuses, kinds and Tempo's integer bounds. */
export const KEYWORD_LITERALS: Record<string, Scalar> = {
  true: { type: "bool", value: true },
  false: { type: "bool", value: false },
  ...Object.fromEntries(STATUS_CODE_NAMES.map((name, code) => [name, { type: "status", value: code }])),
  ...Object.fromEntries(SPAN_KIND_NAMES.map((name, kind) => [name, { type: "kind", value: kind }])),
  minInt: { type: "int", value: -(2n ** 63n) },
  maxInt: { type: "int", value: 2n ** 63n - 1n },
};

/** Words that start TraceQL pipelines, aggregates and metrics, which this subset does not answer. */
export const UNSUPPORTED_FUNCTIONS = new Set([
  "count", "avg", "min", "max", "sum", "by", "select", "coalesce", "rate", "count_over_time", "min_over_time", "max_over_time",
  "avg_over_time", "sum_over_time", "quantile_over_time", "histogram_over_time", "compare", "topk", "bottomk",
]);
