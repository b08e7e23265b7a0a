import { DIFF_STATES, type DiffState } from "@/lib/trace-compare/diff-state";
import { DIFF_STYLE, TOLERANCE_NOTE } from "@/lib/ui/trace-compare/diff-style";

/** What each colour means, with how many nodes of the merged tree have it. */
export function DiffLegend({ counts }: { counts: Record<DiffState, number> }) {
  return (
    <ul aria-label="Legend" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
      {DIFF_STATES.map((state) => (
        <li key={state} data-testid={`legend-${state}`} className="flex items-center gap-1.5">
          <span className={`h-3 w-1.5 rounded-sm ${DIFF_STYLE[state].stripe}`} aria-hidden />
          {DIFF_STYLE[state].label} <span className="tabular-nums text-zinc-500">{counts[state]}</span>
        </li>
      ))}
      <li className="text-zinc-500">{TOLERANCE_NOTE}</li>
    </ul>
  );
}
