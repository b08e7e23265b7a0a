"use client";

import { useRef, type KeyboardEvent } from "react";
import type { TracePanel } from "@/lib/ui/trace-detail/trace-view-state";

const TABS: ReadonlyArray<{ panel: TracePanel; label: string }> = [
  { panel: "waterfall", label: "Waterfall" },
  { panel: "flame", label: "Flame graph" },
  { panel: "statistics", label: "Statistics" },
];

export const tabId = (panel: TracePanel) => `trace-tab-${panel}`;
export const panelId = (panel: TracePanel) => `trace-panel-${panel}`;

/** Waterfall, flame graph or statistics, as ARIA tabs: one tab stop, arrow keys move between the tabs and show them. */
export function TracePanelTabs({ panel, onPanel }: { panel: TracePanel; onPanel(panel: TracePanel): void }) {
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  function onKeyDown(event: KeyboardEvent) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (TABS.findIndex((tab) => tab.panel === panel) + step + TABS.length) % TABS.length;
    onPanel(TABS[next].panel);
    tabs.current[next]?.focus();
  }
  return (
    <div role="tablist" aria-label="Trace view" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800" onKeyDown={onKeyDown}>
      {TABS.map((tab, index) => {
        const selected = tab.panel === panel;
        return (
          <button
            key={tab.panel}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={tabId(tab.panel)}
            data-testid={`tab-${tab.panel}`}
            aria-selected={selected}
            aria-controls={panelId(tab.panel)}
            tabIndex={selected ? 0 : -1}
            onClick={() => onPanel(tab.panel)}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${
              selected ? "border-sky-600 font-medium text-zinc-900 dark:text-zinc-100" : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"
            }`}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
