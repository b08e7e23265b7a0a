import type { SpanSet } from "@/lib/api/contracts/traces";
import { serviceColor } from "@/lib/client/service-color";
import { formatDuration } from "@/lib/ui/time-format";

/** The spans a TraceQL query matched in one trace (the first few the API lists) and how many it matched of all. */
export function MatchedSpans({ spanSet, spanCount }: { spanSet: SpanSet; spanCount: number }) {
  return (
    <div data-testid="matched-spans" className="mt-2 border-t border-zinc-100 pt-2 text-xs dark:border-zinc-800">
      <p className="text-zinc-500">
        <span data-testid="matched-count" className="font-medium tabular-nums text-amber-700 dark:text-amber-400">
          {spanSet.matched} of {spanCount}
        </span>{" "}
        {spanCount === 1 ? "span" : "spans"} matched
      </p>
      <ul className="mt-1 space-y-0.5">
        {spanSet.spans.map((span) => (
          <li key={span.spanId} data-testid="matched-span" data-span-id={span.spanId} className="flex min-w-0 items-center gap-2">
            <span className="h-2 w-2 shrink-0 rounded-full" style={{ backgroundColor: serviceColor(span.serviceName) }} aria-hidden />
            <span className="truncate text-zinc-600 dark:text-zinc-400">{span.serviceName}</span>
            <span className="truncate font-medium">{span.name}</span>
            <span className="ml-auto shrink-0 tabular-nums text-zinc-500">{formatDuration(span.durationMs)}</span>
          </li>
        ))}
        {spanSet.matched > spanSet.spans.length && <li className="text-zinc-500">and {spanSet.matched - spanSet.spans.length} more</li>}
      </ul>
    </div>
  );
}
