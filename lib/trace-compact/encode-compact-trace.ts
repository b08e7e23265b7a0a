import type { CompactTrace } from "@/lib/api/contracts/compact-trace";
import type { TraceSummary } from "@/lib/api/contracts/trace-summary";
import type { AttributeValue, Attributes, SpanRecord } from "@/lib/domain/span-record";
import type { TraceTree, TreeSpan } from "@/lib/trace-tree";
import { InternTable } from "./intern-table";

/** A value's identity in the value table: its type and text, so 200 and "200" and {double: 200} stay apart. */
function valueKey(value: AttributeValue): string {
  switch (typeof value) {
    case "string":
      return `s${value}`;
    case "number":
      return `n${value}`;
    case "boolean":
      return value ? "t" : "f";
    default:
      return `j${JSON.stringify(value)}`;
  }
}

const scopeOf = (span: SpanRecord) => (span.scopeName === null ? null : [span.scopeName, span.scopeVersion].filter(Boolean).join(" "));

/**
 * The compact view of a trace (see lib/api/contracts/compact-trace.ts) from its tree.
 * One pass over the rows; strings, values and resources are interned as they come.
 */
export function encodeCompactTrace(trace: TraceSummary, tree: TraceTree<SpanRecord & TreeSpan>): CompactTrace {
  const rows = tree.rows;
  const count = rows.length;
  const traceStart = BigInt(trace.startTimeUnixNano);
  const strings = new InternTable<string>((text) => text);
  const values = new InternTable<AttributeValue>(valueKey);
  const resourceIndex = new Map<Attributes, Map<string | null, number>>();
  const resources: CompactTrace["resources"] = [];
  const foreignParents = new InternTable<string>((id) => id);
  const rowOfId = new Map<string, number>();
  rows.forEach(({ span }, row) => rowOfId.set(span.spanId, row));

  const column = <T>() => new Array<T>(count);
  const spans: CompactTrace["spans"] = {
    spanId: column<string>(),
    depth: column<number>(),
    parentSpanId: column<number>(),
    orphan: column<number>(),
    startNs: column<number>(),
    durationNs: column<number>(),
    name: column<number>(),
    service: column<number>(),
    kind: column<number>(),
    status: column<number>(),
    statusMessage: column<number>(),
    resource: column<number>(),
    attributeEnd: column<number>(),
    attributes: [],
    eventEnd: column<number>(),
    events: [],
    linkCount: column<number>(),
  };
  for (let row = 0; row < count; row++) {
    const { span, depth, orphan } = rows[row];
    const parentRow = span.parentSpanId === null ? undefined : rowOfId.get(span.parentSpanId);
    spans.spanId[row] = span.spanId;
    spans.depth[row] = depth;
    spans.parentSpanId[row] = span.parentSpanId === null ? -1 : parentRow ?? -2 - foreignParents.index(span.parentSpanId);
    spans.orphan[row] = orphan ? 1 : 0;
    spans.startNs[row] = Number(span.startTimeNs - traceStart);
    spans.durationNs[row] = Number(span.endTimeNs - span.startTimeNs);
    spans.name[row] = strings.index(span.name);
    spans.service[row] = strings.index(span.serviceName);
    spans.kind[row] = span.kind;
    spans.status[row] = span.statusCode;
    spans.statusMessage[row] = span.statusMessage === null ? -1 : strings.index(span.statusMessage);
    const scope = scopeOf(span);
    let byScope = resourceIndex.get(span.resourceAttributes);
    if (!byScope) resourceIndex.set(span.resourceAttributes, (byScope = new Map()));
    let resource = byScope.get(scope);
    if (resource === undefined) {
      byScope.set(scope, (resource = resources.length));
      resources.push({ attributes: span.resourceAttributes, scope });
    }
    spans.resource[row] = resource;
    for (const key in span.attributes) spans.attributes.push(strings.index(key), values.index(span.attributes[key]));
    spans.attributeEnd[row] = spans.attributes.length;
    for (const event of span.events) spans.events.push(strings.index(event.name), Number(BigInt(event.timeNs) - span.startTimeNs));
    spans.eventEnd[row] = spans.events.length;
    spans.linkCount[row] = span.links.length;
  }
  return {
    view: "compact",
    trace,
    depth: tree.depth,
    count,
    strings: strings.items,
    values: values.items,
    resources,
    foreignParents: foreignParents.items,
    spans,
  };
}
