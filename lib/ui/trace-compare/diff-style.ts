import { ABSOLUTE_TOLERANCE_MS, RELATIVE_TOLERANCE, type DiffState } from "@/lib/trace-compare/diff-state";
import { formatDuration } from "@/lib/ui/time-format";

/** How each state reads and looks: a word (colour is never the only cue), a row stripe and a badge, light and dark. */
export const DIFF_STYLE: Record<DiffState, { label: string; stripe: string; badge: string }> = {
  "only-a": { label: "only in A", stripe: "bg-violet-500", badge: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300" },
  "only-b": { label: "only in B", stripe: "bg-sky-500", badge: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300" },
  slower: { label: "slower", stripe: "bg-red-500", badge: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300" },
  faster: { label: "faster", stripe: "bg-emerald-500", badge: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" },
  unchanged: { label: "unchanged", stripe: "bg-zinc-300 dark:bg-zinc-700", badge: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400" },
};

/** A signed difference: `+150ms`, `-24ms`, `±0`. */
export function formatDelta(ms: number): string {
  if (ms === 0) return "±0";
  return `${ms > 0 ? "+" : "-"}${formatDuration(Math.abs(ms))}`;
}

/** The text colour of a difference: B slower reads red, faster green, none grey. */
export function deltaTone(ms: number, unchanged: boolean): string {
  if (unchanged || ms === 0) return "text-zinc-500 dark:text-zinc-400";
  return ms > 0 ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400";
}

/** When a node counts as unchanged, in a person's words. */
export const TOLERANCE_NOTE = `unchanged: B within ${RELATIVE_TOLERANCE * 100}% or ${ABSOLUTE_TOLERANCE_MS} ms of A`;
