import type { CompactTrace } from "@/lib/api/contracts/compact-trace";
import type { TraceSummary } from "@/lib/api/contracts/trace-summary";
import { SPAN_ID_HEX_DIGITS, type AttributeValue, type Attributes, type SpanRecord } from "@/lib/domain/span-record";
import type { TraceTree, TreeSpan } from "@/lib/trace-tree";
import { GrowingColumn } from "./growing-column";
import { InternTable } from "./intern-table";

/**
 * Distinct attribute values in first-seen order. A Map keeps 200, "200" and true apart by
 * itself, so primitives are their own keys (no key string a value: 200,000 spans spent
 * 0.2 s making them); wrapped values ({int}, {double}, arrays, ...) are keyed by their JSON.
 */
class ValueTable {
  readonly items: AttributeValue[] = [];
  private readonly primitives = new Map<string | number | boolean, number>();
  private readonly wrapped = new Map<string, number>();

  index(value: AttributeValue): number {
    return typeof value === "object" ? this.indexIn(this.wrapped, JSON.stringify(value), value) : this.indexIn(this.primitives, value, value);
  }

  private indexIn<K>(indexes: Map<K, number>, key: K, value: AttributeValue): number {
    let index = indexes.get(key);
    if (index === undefined) {
      indexes.set(key, (index = this.items.length));
      this.items.push(value);
    }
    return index;
  }
}

/** A typed array as base64 of its bytes (little-endian), as column-decoding.ts reads it. */
const toBase64 = (column: Int32Array | Uint8Array | Float64Array) => Buffer.from(column.buffer, column.byteOffset, column.byteLength).toString("base64");

/** What the encoding reads of a span: no trace id or trace state, and of its links only how many. */
export type CompactSource = Omit<SpanRecord, "traceId" | "traceState" | "links"> & { linkCount: number };

const scopeOf = (name: string | null, version: string | null) => (name === null ? null : [name, version].filter(Boolean).join(" "));

/**
 * Resources by their attributes object (spans of one resource share it) and scope. Each
 * attributes object's few scopes are found by name and version, so the scope's text is
 * built once per scope, not per span (an array, a filter and a join each).
 */
class ResourceTable {
  readonly items: CompactTrace["resources"] = [];
  private readonly scopesOf = new Map<Attributes, Array<{ name: string | null; version: string | null; index: number }>>();
  private readonly byText = new Map<Attributes, Map<string | null, number>>();

  index(attributes: Attributes, scopeName: string | null, scopeVersion: string | null): number {
    let scopes = this.scopesOf.get(attributes);
    if (!scopes) this.scopesOf.set(attributes, (scopes = []));
    for (const scope of scopes) if (scope.name === scopeName && scope.version === scopeVersion) return scope.index;
    const index = this.indexOf(attributes, scopeOf(scopeName, scopeVersion));
    scopes.push({ name: scopeName, version: scopeVersion, index });
    return index;
  }

  /** Scopes spelling one text ("lib" without a version, and with "") are one entry. */
  private indexOf(attributes: Attributes, scope: string | null): number {
    let byScope = this.byText.get(attributes);
    if (!byScope) this.byText.set(attributes, (byScope = new Map()));
    let index = byScope.get(scope);
    if (index === undefined) {
      byScope.set(scope, (index = this.items.length));
      this.items.push({ attributes, scope });
    }
    return index;
  }
}

/**
 * The compact view of a trace (see lib/api/contracts/compact-trace.ts) from its tree.
 * One pass over the rows into typed arrays; strings, values and resources are interned
 * as they come.
 */
export function encodeCompactTrace(trace: TraceSummary, tree: TraceTree<CompactSource & TreeSpan>): CompactTrace {
  const rows = tree.rows;
  const count = rows.length;
  const traceStart = BigInt(trace.startTimeUnixNano);
  const strings = new InternTable<string>((text) => text);
  const values = new ValueTable();
  const resources = new ResourceTable();
  const foreignParents = new InternTable<string>((id) => id);
  const rowOfId = new Map<string, number>();
  rows.forEach(({ span }, row) => rowOfId.set(span.spanId, row));

  const ints = () => new Int32Array(count);
  const columns = {
    depth: ints(),
    parentSpanId: ints(),
    orphan: new Uint8Array(count),
    startNs: new Float64Array(count),
    durationNs: new Float64Array(count),
    name: ints(),
    service: ints(),
    kind: new Uint8Array(count),
    status: new Uint8Array(count),
    statusMessage: ints(),
    resource: ints(),
    attributeEnd: ints(),
    eventEnd: ints(),
    linkCount: ints(),
  };
  // Sized for two attributes a span and an event every tenth; they double when more come.
  const attributes = new GrowingColumn((length) => new Int32Array(length), count * 4);
  const eventName = new GrowingColumn((length) => new Int32Array(length), count / 10);
  const eventOffsetNs = new GrowingColumn((length) => new Float64Array(length), count / 10);
  let spanIds = "";
  for (let row = 0; row < count; row++) {
    const { span, depth, orphan } = rows[row];
    const parentRow = span.parentSpanId === null ? undefined : rowOfId.get(span.parentSpanId);
    if (span.spanId.length !== SPAN_ID_HEX_DIGITS) throw new Error(`span id ${JSON.stringify(span.spanId)} is not ${SPAN_ID_HEX_DIGITS} hex digits`);
    spanIds += span.spanId;
    columns.depth[row] = depth;
    columns.parentSpanId[row] = span.parentSpanId === null ? -1 : (parentRow ?? -2 - foreignParents.index(span.parentSpanId));
    columns.orphan[row] = orphan ? 1 : 0;
    columns.startNs[row] = Number(span.startTimeNs - traceStart);
    columns.durationNs[row] = Number(span.endTimeNs - span.startTimeNs);
    columns.name[row] = strings.index(span.name);
    columns.service[row] = strings.index(span.serviceName);
    columns.kind[row] = span.kind;
    columns.status[row] = span.statusCode;
    columns.statusMessage[row] = span.statusMessage === null ? -1 : strings.index(span.statusMessage);
    columns.resource[row] = resources.index(span.resourceAttributes, span.scopeName, span.scopeVersion);
    for (const key in span.attributes) {
      attributes.push(strings.index(key));
      attributes.push(values.index(span.attributes[key]));
    }
    columns.attributeEnd[row] = attributes.size;
    for (const event of span.events) {
      eventName.push(strings.index(event.name));
      eventOffsetNs.push(Number(BigInt(event.timeNs) - span.startTimeNs));
    }
    columns.eventEnd[row] = eventName.size;
    columns.linkCount[row] = span.linkCount;
  }
  const packed = Object.fromEntries(Object.entries(columns).map(([name, column]) => [name, toBase64(column)])) as Record<keyof typeof columns, string>;
  return {
    view: "compact",
    trace,
    depth: tree.depth,
    count,
    strings: strings.items,
    values: values.items,
    resources: resources.items,
    foreignParents: foreignParents.items,
    spans: {
      ...packed,
      spanIds,
      attributes: toBase64(attributes.filled()),
      eventName: toBase64(eventName.filled()),
      eventOffsetNs: toBase64(eventOffsetNs.filled()),
    },
  };
}
