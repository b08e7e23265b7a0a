"use client";

import Link from "next/link";
import { serviceColor } from "@/lib/client/service-color";

/** The span at the other end of a link, as far as it is known. */
export interface LinkEnd {
  traceId: string;
  spanId: string;
  /** Null when the span is not stored (or not looked up yet): its ids are shown instead. */
  serviceName: string | null;
  name: string | null;
}

/**
 * One end of a link, shown as its service, name and short trace id: in the trace on
 * screen it selects the span (`onSelect`); in another trace it opens that trace at the span.
 */
export function SpanLinkTarget({ end, currentTraceId, onSelect }: { end: LinkEnd; currentTraceId: string; onSelect(spanId: string): void }) {
  const label = (
    <>
      {end.serviceName !== null && <span className="mr-1 inline-block h-2 w-2 rounded-sm" style={{ backgroundColor: serviceColor(end.serviceName) }} aria-hidden />}
      <span className="font-medium">{end.serviceName ?? "span"}</span> <span className="break-all">{end.name ?? end.spanId}</span>{" "}
      <span className="font-mono text-zinc-500" title={end.traceId}>
        {end.traceId === currentTraceId ? "this trace" : `trace ${end.traceId.slice(0, 8)}`}
      </span>
    </>
  );
  const className = "text-left text-sky-700 hover:underline dark:text-sky-400";
  return end.traceId === currentTraceId ? (
    <button type="button" data-testid="link-target" onClick={() => onSelect(end.spanId)} className={className}>
      {label}
    </button>
  ) : (
    <Link data-testid="link-target" href={`/traces/${end.traceId}?span=${end.spanId}`} className={className}>
      {label}
    </Link>
  );
}
