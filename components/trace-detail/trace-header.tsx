import type { ReactNode } from "react";
import { formatDuration, formatTimestamp } from "@/lib/ui/time-format";
import { serviceColor } from "@/lib/client/service-color";
import type { WaterfallTrace } from "@/lib/waterfall/waterfall-trace";

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-[11px] uppercase tracking-wide text-zinc-500">{label}</dt>
      <dd data-testid={testId} className="font-medium tabular-nums">
        {children}
      </dd>
    </div>
  );
}

/** Root service and operation, start, duration, services, depth, span and error counts. */
export function TraceHeader({ trace, actions }: { trace: WaterfallTrace; actions?: ReactNode }) {
  const root = trace.spans[0];
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <h1 data-testid="trace-title" className="break-all text-xl font-semibold">
            {root ? (
              <>
                <span>{root.service}</span>: <span className="text-zinc-600 dark:text-zinc-300">{root.name}</span>
              </>
            ) : (
              "Empty trace"
            )}
          </h1>
          <p className="font-mono text-xs text-zinc-500">{trace.traceId}</p>
        </div>
        {actions}
      </div>
      <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <Figure label="Start">{formatTimestamp(trace.startTimeUnixNano)}</Figure>
        <Figure label="Duration" testId="trace-duration">
          {formatDuration(trace.durationMs)}
        </Figure>
        <Figure label="Services">{trace.services.length}</Figure>
        <Figure label="Depth">{trace.maxDepth + 1}</Figure>
        <Figure label="Spans" testId="trace-span-count">
          {trace.spans.length}
        </Figure>
        <Figure label="Errors" testId="trace-error-count">
          <span className={trace.errorCount > 0 ? "text-red-600 dark:text-red-400" : undefined}>{trace.errorCount}</span>
        </Figure>
      </dl>
      <ul className="flex flex-wrap gap-1.5" aria-label="Services">
        {trace.services.map((service) => (
          <li key={service} className="flex items-center gap-1 rounded-full border border-zinc-200 px-2 py-0.5 text-xs dark:border-zinc-800">
            <span className="h-2 w-2 rounded-full" style={{ backgroundColor: serviceColor(service) }} aria-hidden />
            {service}
          </li>
        ))}
      </ul>
    </header>
  );
}
