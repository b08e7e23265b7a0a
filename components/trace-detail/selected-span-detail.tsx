"use client";

import { useMemo } from "react";
import { useStoredSpan } from "@/lib/client/queries/span-detail";
import { withStoredSpan } from "@/lib/waterfall/with-stored-span";
import type { WaterfallSpan } from "@/lib/waterfall/waterfall-trace";
import { SpanDetail } from "./span-detail";
import type { SpanLinkContext } from "./span-links";

/**
 * The selected span's detail. A span of the compact trace view (`detailToLoad`) is shown
 * at once with what the trace carried (fields, attributes, resource, event times) and
 * completed when its stored detail (event attributes, links, trace state) arrives.
 */
export function SelectedSpanDetail({
  span,
  traceStartUnixNano,
  links,
  onClose,
}: {
  span: WaterfallSpan;
  traceStartUnixNano: string;
  links: SpanLinkContext;
  onClose(): void;
}) {
  const toLoad = span.detailToLoad === true && links.stored;
  const stored = useStoredSpan(links.traceId, span.spanId, toLoad);
  const shown = useMemo(() => (stored.data ? withStoredSpan(span, stored.data.spans, traceStartUnixNano) : span), [span, stored.data, traceStartUnixNano]);
  return (
    <div className="space-y-1">
      {toLoad && stored.isPending && (
        <p data-testid="span-detail-loading" className="text-xs text-zinc-500">
          Loading the span&apos;s events and links…
        </p>
      )}
      {toLoad && stored.isError && (
        <p data-testid="span-detail-error" className="text-xs text-red-600 dark:text-red-400">
          The span&apos;s events and links could not be read: {stored.error.message}
        </p>
      )}
      <SpanDetail span={shown} links={links} onClose={onClose} />
    </div>
  );
}
