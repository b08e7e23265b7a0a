import Link from "next/link";
import { comparePath } from "@/lib/ui/trace-compare/compare-link";

/**
 * Under the trace list while traces are selected: "Compare" once two are (the first
 * selected is A), and a way to clear the selection.
 */
export function CompareSelectionBar({ selected, onClear }: { selected: readonly string[]; onClear(): void }) {
  if (selected.length === 0) return null;
  const [a, b] = selected;
  return (
    <div
      data-testid="compare-selection"
      className="sticky bottom-4 z-10 mx-auto flex w-fit items-center gap-3 rounded-full border border-zinc-300 bg-white px-4 py-2 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      <span aria-live="polite">{b ? "2 traces selected" : "Select one more trace to compare"}</span>
      {b ? (
        <Link href={comparePath(a, b)} className="rounded bg-sky-600 px-3 py-1 font-medium text-white hover:bg-sky-700 focus-visible:outline-2 focus-visible:outline-sky-500">
          Compare
        </Link>
      ) : (
        <span aria-disabled className="rounded bg-zinc-200 px-3 py-1 font-medium text-zinc-500 dark:bg-zinc-800">
          Compare
        </span>
      )}
      <button type="button" onClick={onClear} className="text-zinc-600 underline hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
        Clear
      </button>
    </div>
  );
}
