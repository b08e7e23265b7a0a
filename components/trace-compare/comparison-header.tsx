import Link from "next/link";
import type { TraceSummary } from "@/lib/api/contracts/trace-summary";
import { serviceColor } from "@/lib/client/service-color";
import { deltaTone, formatDelta } from "@/lib/ui/trace-compare/diff-style";
import { formatDuration, formatTimestamp } from "@/lib/ui/time-format";
import { tracePath } from "@/lib/ui/traces/trace-link";

function TraceCard({ role, trace }: { role: "A" | "B"; trace: TraceSummary }) {
  return (
    <div data-testid={`compare-trace-${role.toLowerCase()}`} className="min-w-0 rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <p className="flex min-w-0 items-baseline gap-2">
        <span className="rounded bg-zinc-900 px-1.5 text-xs font-bold text-white dark:bg-zinc-100 dark:text-zinc-900">{role}</span>
        <span className="h-2.5 w-2.5 shrink-0 self-center rounded-full" style={{ backgroundColor: serviceColor(trace.rootService) }} aria-hidden />
        <Link href={tracePath(trace.traceId)} className="truncate font-medium hover:underline">
          {trace.rootService}: {trace.rootName}
        </Link>
      </p>
      <p className="mt-1 font-mono text-xs text-zinc-500">{trace.traceId}</p>
      <p className="mt-2 flex flex-wrap gap-x-5 text-sm tabular-nums text-zinc-700 dark:text-zinc-300">
        <span data-testid="compare-duration">{formatDuration(trace.durationMs)}</span>
        <span>
          {trace.spanCount} {trace.spanCount === 1 ? "span" : "spans"}
        </span>
        <span className={trace.errorCount > 0 ? "text-red-600 dark:text-red-400" : undefined}>
          {trace.errorCount} {trace.errorCount === 1 ? "error" : "errors"}
        </span>
        <span className="text-zinc-500">{formatTimestamp(trace.startTimeUnixNano)}</span>
      </p>
    </div>
  );
}

/** The two traces side by side with the difference of their durations (B - A). */
export function ComparisonHeader({ a, b, diffMs }: { a: TraceSummary; b: TraceSummary; diffMs: number }) {
  const percent = a.durationMs > 0 ? ` (${diffMs > 0 ? "+" : ""}${Math.round((diffMs / a.durationMs) * 100)}%)` : "";
  return (
    <div className="grid items-center gap-3 lg:grid-cols-[1fr_auto_1fr]">
      <TraceCard role="A" trace={a} />
      <p className="text-center text-sm">
        <span className="block text-[11px] uppercase tracking-wide text-zinc-500">B - A</span>
        <span data-testid="compare-diff" className={`text-lg font-semibold tabular-nums ${deltaTone(diffMs, false)}`}>
          {formatDelta(diffMs)}
          {percent}
        </span>
      </p>
      <TraceCard role="B" trace={b} />
    </div>
  );
}
