import Link from "next/link";
import type { SearchedTrace } from "@/lib/api/contracts/traces";
import { formatDuration } from "@/lib/ui/time-format";
import { formatAgo, formatStartTime } from "@/lib/ui/time-format";
import { unixNanoToMs } from "@/lib/domain/time-units";
import { ServiceBadge } from "./service-badge";
import { serviceColor } from "@/lib/client/service-color";
import { tracePath } from "@/lib/ui/traces/trace-link";
import { MatchedSpans } from "./matched-spans";

interface TraceResultRowProps {
  trace: SearchedTrace;
  maxDurationMs: number;
  nowMs: number;
  query: string;
  /** Chosen for a comparison (the box beside the row). */
  selected: boolean;
  onSelect(traceId: string, selected: boolean): void;
}

/** One trace of the result list: a link to its detail page (finding the TraceQL `query` there, when given), with the spans the query matched, and a box to select it for a comparison. */
export function TraceResultRow({ trace, maxDurationMs, nowMs, query, selected, onSelect }: TraceResultRowProps) {
  const startMs = unixNanoToMs(trace.startTimeUnixNano);
  const share = maxDurationMs > 0 ? Math.max(trace.durationMs / maxDurationMs, 0.005) : 0;
  const failed = trace.errorCount > 0;
  return (
    <li className="flex items-start gap-2">
      <input
        type="checkbox"
        data-testid="compare-select"
        aria-label={`Select trace ${trace.traceId.slice(0, 12)} (${trace.rootService}: ${trace.rootName}) to compare`}
        checked={selected}
        onChange={(event) => onSelect(trace.traceId, event.target.checked)}
        className="mt-4 h-4 w-4 shrink-0 accent-sky-600"
      />
      <Link
        href={tracePath(trace.traceId, query)}
        data-testid="trace-row"
        data-trace-id={trace.traceId}
        className={`block min-w-0 flex-1 rounded-lg border border-zinc-200 bg-white px-4 py-3 hover:border-sky-400 hover:shadow-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-sky-600 ${selected ? "ring-2 ring-sky-500" : ""}`}
      >
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <span className="flex min-w-0 items-baseline gap-2 font-medium">
            <span className="h-2.5 w-2.5 shrink-0 self-center rounded-full" style={{ backgroundColor: serviceColor(trace.rootService) }} aria-hidden />
            <span data-testid="trace-root-service" className="truncate">
              {trace.rootService}
            </span>
            <span className="text-zinc-400" aria-hidden>
              :
            </span>
            <span data-testid="trace-root-name" className="truncate">
              {trace.rootName}
            </span>
          </span>
          {!trace.hasRoot && (
            <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-300" title="No parentless span has arrived yet">
              no root span
            </span>
          )}
          <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{trace.traceId.slice(0, 12)}</span>
          <span className="ml-auto text-sm tabular-nums text-zinc-600 dark:text-zinc-400" title={new Date(startMs).toISOString()}>
            {formatStartTime(startMs, nowMs)} <span className="text-zinc-400 dark:text-zinc-500">({formatAgo(startMs, nowMs)})</span>
          </span>
        </div>

        <div className="mt-2 flex items-center gap-3">
          <div className="h-2 flex-1 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800" aria-hidden>
            <div className={`h-full rounded-full ${failed ? "bg-red-500" : "bg-sky-500"}`} style={{ width: `${share * 100}%` }} />
          </div>
          <span data-testid="trace-duration" className="w-20 text-right text-sm font-medium tabular-nums">
            {formatDuration(trace.durationMs)}
          </span>
        </div>

        <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1.5 text-sm">
          <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
            <span data-testid="trace-span-count">{trace.spanCount}</span> {trace.spanCount === 1 ? "span" : "spans"}
          </span>
          <span className={`tabular-nums ${failed ? "font-medium text-red-600 dark:text-red-400" : "text-zinc-500 dark:text-zinc-500"}`}>
            <span data-testid="trace-error-count">{trace.errorCount}</span> {trace.errorCount === 1 ? "error" : "errors"}
          </span>
          <span className="flex min-w-0 flex-wrap gap-1.5">
            {trace.services.map((service) => (
              <ServiceBadge key={service.name} name={service.name} spanCount={service.spanCount} errorCount={service.errorCount} />
            ))}
          </span>
        </div>
        {trace.spanSet && <MatchedSpans spanSet={trace.spanSet} spanCount={trace.spanCount} />}
      </Link>
    </li>
  );
}
