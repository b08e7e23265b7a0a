import type { CompactTrace } from "@/lib/api/contracts/compact-trace";
import { SPAN_ID_HEX_DIGITS, SPAN_KIND_NAMES, STATUS_CODE_NAMES, type Attributes, type AttributeValue } from "@/lib/domain/span-record";
import { float64Column, int32Column, uint8Column } from "@/lib/trace-compact/column-decoding";
import { buildWaterfall } from "./build-waterfall";
import type { WaterfallEvent, WaterfallLink, WaterfallSpan, WaterfallTrace } from "./waterfall-trace";

const NS_PER_MS = 1e6;
/** Shared by every span without attributes, events or (until its detail is read) links: 200,000 spans need not make 400,000 empty objects. */
const NO_ATTRIBUTES: Attributes = Object.freeze({}) as Attributes;
const NO_EVENTS = Object.freeze([]) as unknown as WaterfallEvent[];
const NO_LINKS = Object.freeze([]) as unknown as WaterfallLink[];
/** Unix nanoseconds are split at 10^15 so a start plus an offset stays exact in doubles. */
const LOW_DIGITS = 15;
const LOW_UNIT = 1e15;

/**
 * `base + offsetNs` as exact decimal text, without a BigInt a span: `base` is split into
 * its digits above and below 10^15, and an offset below 2^53 - 10^15 (93 days) added to
 * the low part stays a safe integer.
 */
function nanosAdder(base: string): (offsetNs: number) => string {
  const high = base.length > LOW_DIGITS ? BigInt(base.slice(0, -LOW_DIGITS)) : 0n;
  const low = Number(base.slice(-LOW_DIGITS));
  return (offsetNs) => {
    const sum = low + offsetNs;
    if (!Number.isSafeInteger(sum) || sum < 0) return (BigInt(base) + BigInt(offsetNs)).toString();
    const carry = Math.floor(sum / LOW_UNIT);
    const upper = high + BigInt(carry);
    const lower = String(sum - carry * LOW_UNIT);
    return upper === 0n ? lower : `${upper}${lower.padStart(LOW_DIGITS, "0")}`;
  };
}

/** The answer's binary columns as typed arrays, each checked to hold as many values as it should. */
function columnsOf({ count, spans }: CompactTrace) {
  const attributeEnd = int32Column(spans.attributeEnd, count, "attributeEnd");
  const eventEnd = int32Column(spans.eventEnd, count, "eventEnd");
  const events = count === 0 ? 0 : eventEnd[count - 1];
  return {
    depth: int32Column(spans.depth, count, "depth"),
    parentSpanId: int32Column(spans.parentSpanId, count, "parentSpanId"),
    orphan: uint8Column(spans.orphan, count, "orphan"),
    startNs: float64Column(spans.startNs, count, "startNs"),
    durationNs: float64Column(spans.durationNs, count, "durationNs"),
    name: int32Column(spans.name, count, "name"),
    service: int32Column(spans.service, count, "service"),
    kind: uint8Column(spans.kind, count, "kind"),
    status: uint8Column(spans.status, count, "status"),
    statusMessage: int32Column(spans.statusMessage, count, "statusMessage"),
    resource: int32Column(spans.resource, count, "resource"),
    attributeEnd,
    attributes: int32Column(spans.attributes, count === 0 ? 0 : attributeEnd[count - 1], "attributes"),
    eventEnd,
    eventName: int32Column(spans.eventName, events, "eventName"),
    eventOffsetNs: float64Column(spans.eventOffsetNs, events, "eventOffsetNs"),
  };
}

/**
 * The waterfall of a compact trace answer: one WaterfallSpan per row, as the full answer
 * gives (lib/waterfall/from-trace-detail.ts), but with event attributes, links and trace
 * state left to the span detail (`detailToLoad`). Strings, values and resource attributes
 * are shared from the answer's tables, so 200,000 spans cost about their own objects.
 */
export function waterfallFromCompact(compact: CompactTrace): WaterfallTrace {
  const { trace, strings, count } = compact;
  if (compact.spans.spanIds.length !== count * SPAN_ID_HEX_DIGITS) throw new Error(`spanIds holds ${compact.spans.spanIds.length / SPAN_ID_HEX_DIGITS} ids, not ${count}`);
  const columns = columnsOf(compact);
  const values = compact.values as AttributeValue[];
  const resources = compact.resources.map(({ attributes, scope }) => ({ attributes: attributes as Attributes, scope }));
  const unixNanos = nanosAdder(trace.startTimeUnixNano);
  const spanIdOf = (row: number) => compact.spans.spanIds.slice(row * SPAN_ID_HEX_DIGITS, (row + 1) * SPAN_ID_HEX_DIGITS);
  const spans = new Array<WaterfallSpan>(count);
  let attributeFrom = 0;
  let eventFrom = 0;
  for (let row = 0; row < count; row++) {
    const parent = columns.parentSpanId[row];
    const startNs = columns.startNs[row];
    const resource = resources[columns.resource[row]];
    const attributeEnd = columns.attributeEnd[row];
    let attributes = NO_ATTRIBUTES;
    if (attributeEnd > attributeFrom) {
      attributes = {};
      for (let pair = attributeFrom; pair < attributeEnd; pair += 2) attributes[strings[columns.attributes[pair]]] = values[columns.attributes[pair + 1]];
    }
    attributeFrom = attributeEnd;
    const eventEnd = columns.eventEnd[row];
    const events: WaterfallEvent[] = eventEnd > eventFrom ? [] : NO_EVENTS;
    for (let event = eventFrom; event < eventEnd; event++) {
      const offsetNs = columns.eventOffsetNs[event];
      events.push({ name: strings[columns.eventName[event]], timeUnixNano: unixNanos(startNs + offsetNs), offsetMs: offsetNs / NS_PER_MS, attributes: NO_ATTRIBUTES });
    }
    eventFrom = eventEnd;
    const statusMessage = columns.statusMessage[row];
    spans[row] = {
      spanId: spanIdOf(row),
      parentSpanId: parent === -1 ? null : parent >= 0 ? spanIdOf(parent) : compact.foreignParents[-2 - parent],
      name: strings[columns.name[row]],
      service: strings[columns.service[row]],
      kind: SPAN_KIND_NAMES[columns.kind[row]] ?? "unspecified",
      status: STATUS_CODE_NAMES[columns.status[row]] ?? "unset",
      statusMessage: statusMessage < 0 ? null : strings[statusMessage],
      startTimeUnixNano: unixNanos(startNs),
      startMs: startNs / NS_PER_MS,
      durationMs: columns.durationNs[row] / NS_PER_MS,
      attributes,
      resourceAttributes: resource.attributes,
      events,
      links: NO_LINKS,
      traceState: null,
      scope: resource.scope,
      orphan: columns.orphan[row] === 1,
      detailToLoad: true,
    };
  }
  return buildWaterfall({ traceId: trace.traceId, startTimeUnixNano: trace.startTimeUnixNano, durationMs: trace.durationMs }, spans, columns.depth);
}
