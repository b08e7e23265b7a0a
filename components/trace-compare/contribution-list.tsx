import type { CompareTracesResult } from "@/lib/api/contracts/compare";
import { serviceColor } from "@/lib/client/service-color";
import { deltaTone, formatDelta } from "@/lib/ui/trace-compare/diff-style";
import { formatDuration } from "@/lib/ui/time-format";

type Contribution = CompareTracesResult["contributions"][number];

/**
 * Where the difference was spent: the nodes whose self time changed most, each with a bar
 * against the largest change. Choosing one shows it in the merged tree.
 */
export function ContributionList({ contributions, onShow }: { contributions: readonly Contribution[]; onShow(node: number): void }) {
  if (contributions.length === 0) {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">No node&apos;s own time changed beyond the tolerance.</p>;
  }
  const largest = Math.max(...contributions.map((entry) => Math.abs(entry.selfDiffMs)));
  return (
    <ol data-testid="contributions" className="space-y-1">
      {contributions.map((entry) => (
        <li key={entry.node}>
          <button
            type="button"
            data-testid="contribution"
            onClick={() => onShow(entry.node)}
            title={`Self time ${formatDuration(entry.selfMsA)} in A, ${formatDuration(entry.selfMsB)} in B: show in the tree`}
            className="grid w-full grid-cols-[minmax(0,1fr)_6rem_5.5rem] items-center gap-3 rounded px-2 py-1 text-left text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800"
          >
            <span className="flex min-w-0 items-center gap-2">
              <span className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ backgroundColor: serviceColor(entry.serviceName) }} aria-hidden />
              <span className="truncate">
                <span className="text-zinc-500 dark:text-zinc-400">{entry.serviceName}:</span> {entry.name}
              </span>
            </span>
            <span className="h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800" aria-hidden>
              <span
                className={`block h-full rounded-full ${entry.selfDiffMs > 0 ? "bg-red-500" : "bg-emerald-500"}`}
                style={{ width: `${Math.max((Math.abs(entry.selfDiffMs) / largest) * 100, 2)}%` }}
              />
            </span>
            <span className={`text-right font-medium tabular-nums ${deltaTone(entry.selfDiffMs, false)}`}>{formatDelta(entry.selfDiffMs)}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
