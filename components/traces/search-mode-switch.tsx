"use client";

import type { SearchMode } from "@/lib/ui/traces/trace-search";

const MODES: ReadonlyArray<{ mode: SearchMode; label: string }> = [
  { mode: "form", label: "Simple" },
  { mode: "traceql", label: "TraceQL" },
];

/** Switches the search between the form's fields and the TraceQL editor. */
export function SearchModeSwitch({ mode, onMode }: { mode: SearchMode; onMode(mode: SearchMode): void }) {
  return (
    <div role="group" aria-label="Search mode" className="inline-flex rounded border border-zinc-300 p-0.5 text-sm dark:border-zinc-700">
      {MODES.map((item) => (
        <button
          key={item.mode}
          type="button"
          aria-pressed={mode === item.mode}
          data-testid={`search-mode-${item.mode}`}
          className={`rounded px-3 py-1 ${mode === item.mode ? "bg-sky-600 text-white" : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"}`}
          onClick={() => mode !== item.mode && onMode(item.mode)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
