"use client";

import { memo } from "react";
import { formatDuration } from "@/lib/ui/time-format";
import { serviceColor } from "@/lib/client/service-color";
import type { CriticalSection } from "@/lib/waterfall/critical-path";
import { barPosition, type BarPosition, type ViewRange } from "@/lib/waterfall/time-scale";
import type { WaterfallSpan } from "@/lib/waterfall/waterfall-trace";
import { INDENT_PX, LABEL_COLUMN, MAX_INDENT_LEVELS, ROW_HEIGHT } from "@/lib/ui/waterfall-layout";

const MAX_EVENT_TICKS = 50;

export type RowMatch = "none" | "match" | "dimmed";

export interface WaterfallRowProps {
  row: number;
  position: number;
  span: WaterfallSpan;
  depth: number;
  childCount: number;
  collapsed: boolean;
  selected: boolean;
  focused: boolean;
  match: RowMatch;
  view: ViewRange;
  traceDurationMs: number;
  /** This span's stretches of the critical path, when it is shown. */
  critical: readonly CriticalSection[] | undefined;
  onToggle(row: number): void;
  onSelect(row: number): void;
}

function WaterfallRowView(props: WaterfallRowProps) {
  const { row, position, span, depth, childCount, collapsed, selected, focused, match, view, traceDurationMs, critical } = props;
  const place = (startMs: number, durationMs: number) => barPosition(startMs, durationMs, traceDurationMs, view);
  const bar = place(span.startMs, span.durationMs);
  const color = serviceColor(span.service);
  const error = span.status === "error";
  const indent = Math.min(depth, MAX_INDENT_LEVELS) * INDENT_PX;
  return (
    <div
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={childCount > 0 ? !collapsed : undefined}
      aria-selected={selected}
      data-testid="waterfall-row"
      data-span-id={span.spanId}
      data-row={row}
      data-match={match === "match" ? "true" : undefined}
      data-focused={focused ? "true" : undefined}
      onClick={() => props.onSelect(row)}
      className={`absolute inset-x-0 grid cursor-pointer border-b border-zinc-100 text-xs dark:border-zinc-800/60 ${
        selected ? "bg-sky-100 dark:bg-sky-950" : match === "match" ? "bg-amber-50 dark:bg-amber-950/40" : "hover:bg-zinc-100 dark:hover:bg-zinc-900"
      } ${focused ? "outline outline-1 -outline-offset-1 outline-sky-500" : ""} ${match === "dimmed" ? "opacity-40" : ""}`}
      style={{ top: position * ROW_HEIGHT, height: ROW_HEIGHT, gridTemplateColumns: `${LABEL_COLUMN} 1fr` }}
    >
      <div className="flex min-w-0 items-center gap-1 pr-2" style={{ paddingLeft: indent + 4 }}>
        {childCount > 0 ? (
          <button
            type="button"
            data-testid="toggle-children"
            aria-label={collapsed ? `Expand ${childCount} children` : "Collapse children"}
            onClick={(event) => {
              event.stopPropagation();
              props.onToggle(row);
            }}
            className="flex h-4 w-4 shrink-0 items-center justify-center rounded text-[10px] text-zinc-500 hover:bg-zinc-200 dark:hover:bg-zinc-700"
          >
            {collapsed ? "▸" : "▾"}
          </button>
        ) : (
          <span className="w-4 shrink-0" />
        )}
        <span className="h-3 w-1 shrink-0 rounded-sm" style={{ backgroundColor: color }} aria-hidden />
        {depth > MAX_INDENT_LEVELS && <span className="shrink-0 rounded bg-zinc-200 px-1 text-[10px] dark:bg-zinc-700">{depth}</span>}
        {error && (
          <span data-testid="error-marker" title="Error" className="shrink-0 font-bold text-red-600 dark:text-red-400">
            !
          </span>
        )}
        <span className="shrink-0 font-medium">{span.service}</span>
        <span className="truncate text-zinc-600 dark:text-zinc-400">{span.name}</span>
        {collapsed && childCount > 0 && <span className="shrink-0 text-[10px] text-zinc-500">+{childCount}</span>}
      </div>
      <div className="relative overflow-hidden">
        <div
          className={`absolute top-1/2 h-3 -translate-y-1/2 rounded-sm ${error ? "ring-1 ring-red-500" : ""}`}
          style={{ left: `${bar.leftPercent}%`, width: `${bar.widthPercent}%`, backgroundColor: color, opacity: critical ? 0.45 : 0.85 }}
        />
        {critical?.map((section, index) => {
          const position = place(section.startMs, section.endMs - section.startMs);
          return (
            <div
              key={index}
              data-testid="critical-section"
              className="absolute top-1/2 h-3 -translate-y-1/2 rounded-sm bg-zinc-900 dark:bg-white"
              style={{ left: `${position.leftPercent}%`, width: `${position.widthPercent}%` }}
            />
          );
        })}
        {span.events.slice(0, MAX_EVENT_TICKS).map((event, index) => (
          <div
            key={index}
            className="absolute top-1/2 h-4 w-px -translate-y-1/2 bg-zinc-900/70 dark:bg-white/80"
            style={{ left: `${place(span.startMs + event.offsetMs, 0).leftPercent}%` }}
          />
        ))}
        <span
          className="absolute top-1/2 -translate-y-1/2 whitespace-nowrap px-1 text-[11px] tabular-nums text-zinc-600 dark:text-zinc-300"
          style={durationLabelPlace(bar)}
        >
          {formatDuration(span.durationMs)}
        </span>
      </div>
    </div>
  );
}

/** Right of the bar when there is room, else left of it, else inside its right end. */
function durationLabelPlace(bar: BarPosition) {
  const end = bar.leftPercent + bar.widthPercent;
  if (end < 80) return { left: `${Math.max(0, end)}%` };
  if (bar.leftPercent > 20) return { right: `${100 - bar.leftPercent}%` };
  return { right: `${Math.max(0, 100 - end)}%` };
}

/** One span of the waterfall; memoized so a scroll re-renders only rows that come into view. */
export const WaterfallRow = memo(WaterfallRowView);
