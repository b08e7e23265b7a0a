"use client";

import { useEffect, type KeyboardEvent } from "react";
import type { CriticalSection } from "@/lib/waterfall/critical-path";
import type { ViewRange } from "@/lib/waterfall/time-scale";
import type { WaterfallTrace } from "@/lib/waterfall/waterfall-trace";
import { treeKeyAction } from "@/lib/ui/tree-keys";
import { LABEL_COLUMN, ROW_HEIGHT } from "@/lib/ui/waterfall-layout";
import { TimeRuler } from "./time-ruler";
import { useRowWindow } from "./use-row-window";
import { WaterfallRow } from "./waterfall-row";

export interface WaterfallProps {
  trace: WaterfallTrace;
  /** The rows shown, in order (collapsed subtrees and filtered-out spans left out). */
  rows: Int32Array;
  view: ViewRange;
  collapsed: ReadonlySet<number>;
  selectedRow: number | null;
  focusedRow: number | null;
  /** Rows matching find-in-trace, or null when nothing is searched. */
  matches: ReadonlySet<number> | null;
  critical: ReadonlyMap<number, CriticalSection[]> | null;
  onToggle(row: number): void;
  onSelect(row: number): void;
  onFocus(row: number): void;
  /** Height of the scrolled area. */
  height: string;
}

/**
 * The span waterfall: a time ruler over one row per span. Only the rows in view are
 * rendered. Keys: up/down move, right expands or steps to the first child, left collapses
 * or steps to the parent, enter opens the span, home/end jump.
 */
export function Waterfall(props: WaterfallProps) {
  const { trace, rows, view, collapsed, selectedRow, focusedRow, matches, critical } = props;
  const { containerRef, start, end, reveal } = useRowWindow(rows.length, ROW_HEIGHT);
  const focusedPosition = focusedRow === null ? -1 : rows.indexOf(focusedRow);

  useEffect(() => {
    if (focusedPosition >= 0) reveal(focusedPosition);
  }, [focusedPosition, reveal]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (rows.length === 0) return;
    const row = rows[Math.max(0, focusedPosition)];
    const hasChildren = trace.subtreeEnd[row] > row + 1;
    const action = treeKeyAction(event.key, rows, focusedPosition, { index: row, hasChildren, collapsed: collapsed.has(row), parent: trace.parent[row] });
    if (!action) return;
    event.preventDefault();
    if (action.kind === "focus") props.onFocus(action.row);
    else if (action.kind === "toggle") props.onToggle(row);
    else if (action.kind === "activate") props.onSelect(row);
  }

  const items = [];
  for (let position = start; position < end; position++) {
    const row = rows[position];
    items.push(
      <WaterfallRow
        key={row}
        row={row}
        position={position}
        span={trace.spans[row]}
        depth={trace.depth[row]}
        childCount={trace.subtreeEnd[row] - row - 1}
        collapsed={collapsed.has(row)}
        selected={selectedRow === row}
        focused={focusedRow === row}
        match={matches === null ? "none" : matches.has(row) ? "match" : "dimmed"}
        view={view}
        traceDurationMs={trace.durationMs}
        critical={critical?.get(row)}
        onToggle={props.onToggle}
        onSelect={props.onSelect}
      />,
    );
  }

  return (
    <div className="overflow-hidden rounded border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <div
        className="grid h-7 border-b border-zinc-200 bg-zinc-50 text-[11px] font-medium text-zinc-500 [scrollbar-gutter:stable] overflow-y-hidden dark:border-zinc-800 dark:bg-zinc-900"
        style={{ gridTemplateColumns: `${LABEL_COLUMN} 1fr` }}
      >
        <div className="flex items-center px-2">Service and operation</div>
        <div className="relative">
          <TimeRuler traceDurationMs={trace.durationMs} view={view} />
        </div>
      </div>
      <div
        ref={containerRef}
        role="tree"
        aria-label="Spans"
        data-testid="waterfall"
        data-row-count={rows.length}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => focusedRow === null && rows.length > 0 && props.onFocus(rows[0])}
        className="relative overflow-y-auto overscroll-contain [scrollbar-gutter:stable] focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
        style={{ height: props.height }}
      >
        <div className="relative" style={{ height: rows.length * ROW_HEIGHT }}>
          {items}
        </div>
      </div>
    </div>
  );
}
