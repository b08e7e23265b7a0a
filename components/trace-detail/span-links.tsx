"use client";

import { useSpanLinks } from "@/lib/client/queries/span-links";
import { formatDuration } from "@/lib/ui/time-format";
import { typedAttributes } from "@/lib/waterfall/from-trace-detail";
import type { WaterfallSpan } from "@/lib/waterfall/waterfall-trace";
import { AttributeTable } from "./attribute-table";
import { DetailSection } from "./detail-section";
import { SpanLinkTarget, type LinkEnd } from "./span-link-target";

/** What the link sections need of the trace on screen. */
export interface SpanLinkContext {
  traceId: string;
  /** The trace is stored (not a dropped file): the span's links are looked up through the API. */
  stored: boolean;
  spanOf(spanId: string): WaterfallSpan | undefined;
  select(spanId: string): void;
}

/**
 * The span's links, each with the linked span's service and name (from the trace on
 * screen, else looked up), and on a stored trace the spans linking to it ("Linked
 * from"), fetched when the span detail opens.
 */
export function SpanLinkSections({ span, context }: { span: WaterfallSpan; context: SpanLinkContext }) {
  const query = useSpanLinks(context.traceId, span.spanId, context.stored);
  const resolved = query.data?.links;
  const endOf = (link: WaterfallSpan["links"][number], index: number): { end: LinkEnd; missing: boolean } => {
    const local = link.traceId === context.traceId ? context.spanOf(link.spanId) : undefined;
    const found = resolved?.[index]?.span;
    const named = local ? { serviceName: local.service, name: local.name } : found ? { serviceName: found.serviceName, name: found.name } : { serviceName: null, name: null };
    return { end: { traceId: link.traceId, spanId: link.spanId, ...named }, missing: !local && resolved !== undefined && !found };
  };
  return (
    <>
      {span.links.length > 0 && (
        <DetailSection title="Links" count={span.links.length}>
          <ul data-testid="span-links" className="space-y-1 text-xs">
            {span.links.map((link, index) => {
              const { end, missing } = endOf(link, index);
              return (
                <li key={index} data-testid="span-link">
                  <SpanLinkTarget end={end} currentTraceId={context.traceId} onSelect={context.select} />
                  {missing && <span className="ml-1 text-zinc-500">(span not stored)</span>}
                  {Object.keys(link.attributes).length > 0 && <AttributeTable attributes={link.attributes} />}
                </li>
              );
            })}
          </ul>
        </DetailSection>
      )}
      {context.stored && (
        <DetailSection title="Linked from" count={query.data?.linkedFrom.length}>
          {query.isPending ? (
            <p className="text-xs text-zinc-500">Looking up spans that link here…</p>
          ) : query.isError ? (
            <p className="text-xs text-zinc-500">Spans linking here are not available.</p>
          ) : query.data.linkedFrom.length === 0 ? (
            <p className="text-xs text-zinc-500">No stored span links to this span.</p>
          ) : (
            <ul data-testid="span-linked-from" className="space-y-1 text-xs">
              {query.data.linkedFrom.map((entry, index) => (
                <li key={index} data-testid="span-linked-from-entry">
                  <SpanLinkTarget end={entry} currentTraceId={context.traceId} onSelect={context.select} />{" "}
                  <span className="text-zinc-500">{formatDuration(entry.durationMs)}</span>
                  {Object.keys(entry.attributes).length > 0 && <AttributeTable attributes={typedAttributes(entry.attributes)} />}
                </li>
              ))}
            </ul>
          )}
          {query.data && !query.data.linkedFromComplete && (
            <p className="text-xs text-amber-700 dark:text-amber-400">
              Some may be missing: spans stored before links were indexed are not looked up, nor more than 500 linking writes.
            </p>
          )}
        </DetailSection>
      )}
    </>
  );
}
