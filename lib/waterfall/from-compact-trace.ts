import type { CompactTrace } from "@/lib/api/contracts/compact-trace";
import { SPAN_KIND_NAMES, STATUS_CODE_NAMES, type Attributes, type AttributeValue } from "@/lib/domain/span-record";
import { buildWaterfall } from "./build-waterfall";
import type { WaterfallEvent, WaterfallSpan, WaterfallTrace } from "./waterfall-trace";

const NS_PER_MS = 1e6;
const NO_ATTRIBUTES: Attributes = Object.freeze({}) as Attributes;

/** Unix nanoseconds as exact decimal text: the trace's start plus a (safe-integer) offset. */
const unixNanos = (base: bigint, offsetNs: number) => (base + BigInt(offsetNs)).toString();

/**
 * The waterfall of a compact trace answer: one WaterfallSpan per row, as the full answer
 * gives (lib/waterfall/from-trace-detail.ts), but with event attributes, links and trace
 * state left to the span detail (`detailToLoad`). Strings and values are shared from the
 * answer's tables, so 200,000 spans cost about their own objects.
 */
export function waterfallFromCompact(compact: CompactTrace): WaterfallTrace {
  const { trace, strings, spans: columns } = compact;
  const values = compact.values as AttributeValue[];
  const resources = compact.resources.map(({ attributes, scope }) => ({ attributes: attributes as Attributes, scope }));
  const traceStart = BigInt(trace.startTimeUnixNano);
  const spans = new Array<WaterfallSpan>(compact.count);
  let attributeFrom = 0;
  let eventFrom = 0;
  for (let row = 0; row < compact.count; row++) {
    const parent = columns.parentSpanId[row];
    const startNs = columns.startNs[row];
    const start = traceStart + BigInt(startNs);
    const resource = resources[columns.resource[row]];
    const attributeEnd = columns.attributeEnd[row];
    let attributes = NO_ATTRIBUTES;
    if (attributeEnd > attributeFrom) {
      attributes = {};
      for (let pair = attributeFrom; pair < attributeEnd; pair += 2) attributes[strings[columns.attributes[pair]]] = values[columns.attributes[pair + 1]];
    }
    attributeFrom = attributeEnd;
    const eventEnd = columns.eventEnd[row];
    const events: WaterfallEvent[] = [];
    for (let pair = eventFrom; pair < eventEnd; pair += 2) {
      const offsetNs = columns.events[pair + 1];
      events.push({ name: strings[columns.events[pair]], timeUnixNano: unixNanos(start, offsetNs), offsetMs: offsetNs / NS_PER_MS, attributes: NO_ATTRIBUTES });
    }
    eventFrom = eventEnd;
    const statusMessage = columns.statusMessage[row];
    spans[row] = {
      spanId: columns.spanId[row],
      parentSpanId: parent === -1 ? null : parent >= 0 ? columns.spanId[parent] : compact.foreignParents[-2 - parent],
      name: strings[columns.name[row]],
      service: strings[columns.service[row]],
      kind: SPAN_KIND_NAMES[columns.kind[row]] ?? "unspecified",
      status: STATUS_CODE_NAMES[columns.status[row]] ?? "unset",
      statusMessage: statusMessage < 0 ? null : strings[statusMessage],
      startTimeUnixNano: start.toString(),
      startMs: startNs / NS_PER_MS,
      durationMs: columns.durationNs[row] / NS_PER_MS,
      attributes,
      resourceAttributes: resource.attributes,
      events,
      links: [],
      traceState: null,
      scope: resource.scope,
      orphan: columns.orphan[row] === 1,
      detailToLoad: true,
    };
  }
  return buildWaterfall({ traceId: trace.traceId, startTimeUnixNano: trace.startTimeUnixNano, durationMs: trace.durationMs }, spans, columns.depth);
}
