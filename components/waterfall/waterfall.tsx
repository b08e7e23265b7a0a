"use client";

import { useEffect, type KeyboardEvent } from "react";
import type { CriticalSection } from "@/lib/waterfall/critical-path";
import type { ViewRange } from "@/lib/waterfall/time-scale";
import type { WaterfallTrace } from "@/lib/waterfall/waterfall-trace";
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
    const position = Math.max(0, focusedPosition);
    const row = rows[position];
    const hasChildren = trace.subtreeEnd[row] > row + 1;
    let next: number | null = null;
    switch (event.key) {
      case "ArrowDown":
        next = rows[Math.min(rows.length - 1, focusedPosition + 1)];
        break;
      case "ArrowUp":
        next = rows[Math.max(0, position - 1)];
        break;
      case "Home":
        next = rows[0];
        break;
      case "End":
        next = rows[rows.length - 1];
        break;
      case "ArrowRight":
        if (hasChildren && collapsed.has(row)) props.onToggle(row);
        else if (hasChildren && rows[position + 1] === row + 1) next = row + 1;
        break;
      case "ArrowLeft":
        if (hasChildren && !collapsed.has(row)) props.onToggle(row);
        else if (trace.parent[row] >= 0 && rows.includes(trace.parent[row])) next = trace.parent[row];
        break;
      case "Enter":
      case " ":
        props.onSelect(row);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next !== null) props.onFocus(next);
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
