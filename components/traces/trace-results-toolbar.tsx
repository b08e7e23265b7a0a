"use client";

import { Select } from "@/components/ui/select";
import { TRACE_SORTS, type TraceSort } from "@/lib/ui/traces/sort-traces";

/** Above the results: how many are shown, what the duration filter matched, and the sort. */
export function TraceResultsToolbar({
  shown,
  more,
  durationNote,
  sort,
  onSort,
}: {
  shown: number;
  /** More traces match than are loaded. */
  more: boolean;
  /** What the API says the duration filters matched, when any were given. */
  durationNote?: string;
  sort: TraceSort;
  onSort(sort: TraceSort): void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <p data-testid="trace-count" className="font-medium">
        {shown} {shown === 1 ? "trace" : "traces"}
        {more && <span className="font-normal text-zinc-500 dark:text-zinc-400"> loaded, more match</span>}
      </p>
      {durationNote && (
        <p data-testid="duration-filter-note" className="rounded bg-sky-50 px-2 py-0.5 text-xs text-sky-800 dark:bg-sky-950 dark:text-sky-300">
          {durationNote}
        </p>
      )}
      <div className="ml-auto">
        <Select label="Sort" aria-label="Sort traces" value={sort} options={TRACE_SORTS} onChange={(next) => onSort(next as TraceSort)} />
      </div>
      {more && <p className="w-full text-xs text-zinc-500 dark:text-zinc-400">Sorting orders the traces loaded so far; load more to include the rest.</p>}
    </div>
  );
}
