"use client";

import Link from "next/link";
import { memo } from "react";
import type { CompareTracesResult } from "@/lib/api/contracts/compare";
import { serviceColor } from "@/lib/client/service-color";
import { withinTolerance } from "@/lib/trace-compare/diff-state";
import { spanPath } from "@/lib/ui/trace-compare/compare-link";
import { deltaTone, DIFF_STYLE, formatDelta } from "@/lib/ui/trace-compare/diff-style";
import { formatDuration } from "@/lib/ui/time-format";
import { INDENT_PX, MAX_INDENT_LEVELS, ROW_HEIGHT } from "@/lib/ui/waterfall-layout";

export type MergedNode = CompareTracesResult["nodes"][number];

/** Label, A, B, B - A, self B - A, open: shared by the header and the rows. */
export const TREE_COLUMNS = "minmax(260px, 1fr) 7.5rem 7.5rem 6.5rem 6.5rem 4.5rem";

const OPEN_LINK = "rounded px-1.5 font-medium text-sky-700 hover:bg-sky-100 dark:text-sky-400 dark:hover:bg-sky-950";

function Side({ count, totalMs }: { count: number; totalMs: number }) {
  if (count === 0) return <span className="text-zinc-400 dark:text-zinc-600">–</span>;
  return (
    <span>
      {count > 1 && <span className="text-zinc-500 dark:text-zinc-400">{count}× </span>}
      {formatDuration(totalMs)}
    </span>
  );
}

export interface MergedTreeRowProps {
  index: number;
  position: number;
  node: MergedNode;
  collapsed: boolean;
  focused: boolean;
  traceIds: { a: string; b: string };
  onToggle(index: number): void;
  onFocus(index: number): void;
}

function MergedTreeRowView({ index, position, node, collapsed, focused, traceIds, onToggle, onFocus }: MergedTreeRowProps) {
  const style = DIFF_STYLE[node.state];
  const unchanged = node.state === "unchanged";
  const below = node.subtreeSize - 1;
  return (
    <div
      role="treeitem"
      aria-level={node.depth + 1}
      aria-expanded={below > 0 ? !collapsed : undefined}
      aria-selected={focused}
      data-testid="compare-row"
      data-state={node.state}
      data-node={index}
      data-focused={focused ? "true" : undefined}
      onClick={() => onFocus(index)}
      className={`absolute inset-x-0 grid items-center border-b border-zinc-100 text-xs tabular-nums dark:border-zinc-800/60 ${
        focused ? "bg-sky-50 outline outline-1 -outline-offset-1 outline-sky-500 dark:bg-sky-950/60" : "hover:bg-zinc-50 dark:hover:bg-zinc-900"
      }`}
      style={{ top: position * ROW_HEIGHT, height: ROW_HEIGHT, gridTemplateColumns: TREE_COLUMNS }}
    >
      <div className="flex min-w-0 items-center gap-1 pr-2" style={{ paddingLeft: Math.min(node.depth, MAX_INDENT_LEVELS) * INDENT_PX + 4 }}>
        {below > 0 ? (
          <button
            type="button"
            data-testid="toggle-children"
            tabIndex={-1}
            aria-label={collapsed ? `Expand ${below} nodes below` : "Collapse"}
            onClick={(event) => {
              event.stopPropagation();
              onToggle(index);
            }}
            className="flex h-4 w-4 shrink-0 items-center justify-center rounded text-[10px] text-zinc-500 hover:bg-zinc-200 dark:hover:bg-zinc-700"
          >
            {collapsed ? "▸" : "▾"}
          </button>
        ) : (
          <span className="w-4 shrink-0" />
        )}
        <span className={`h-4 w-1 shrink-0 rounded-sm ${style.stripe}`} aria-hidden />
        <span className="h-2 w-2 shrink-0 rounded-full" style={{ backgroundColor: serviceColor(node.serviceName) }} aria-hidden />
        {node.depth > MAX_INDENT_LEVELS && <span className="shrink-0 rounded bg-zinc-200 px-1 text-[10px] dark:bg-zinc-700">{node.depth}</span>}
        <span className="min-w-0 truncate" title={`${node.serviceName}: ${node.name}`}>
          <span className="text-zinc-500 dark:text-zinc-400">{node.serviceName}</span> <span data-testid="compare-row-name">{node.name}</span>
        </span>
        {node.orphan && <span className="shrink-0 rounded bg-amber-100 px-1 text-[10px] text-amber-800 dark:bg-amber-950 dark:text-amber-300">parent missing</span>}
        {!unchanged && <span className={`shrink-0 rounded px-1 text-[10px] font-medium ${style.badge}`}>{style.label}</span>}
        {collapsed && below > 0 && <span className="shrink-0 text-[10px] text-zinc-500">+{below} unchanged</span>}
      </div>
      <div className="px-2 text-right">
        <Side count={node.a.count} totalMs={node.a.totalMs} />
      </div>
      <div className="px-2 text-right">
        <Side count={node.b.count} totalMs={node.b.totalMs} />
      </div>
      <div data-testid="compare-row-diff" className={`px-2 text-right font-medium ${deltaTone(node.diffMs, unchanged)}`}>
        {formatDelta(node.diffMs)}
      </div>
      <div className={`px-2 text-right ${deltaTone(node.selfDiffMs, withinTolerance(node.a.selfMs, node.b.selfMs))}`}>{formatDelta(node.selfDiffMs)}</div>
      <div className="flex justify-end gap-0.5 px-1">
        {node.a.firstSpanId && (
          <Link href={spanPath(traceIds.a, node.a.firstSpanId)} tabIndex={-1} aria-label={`Open in trace A: ${node.name}`} className={OPEN_LINK} onClick={(event) => event.stopPropagation()}>
            A
          </Link>
        )}
        {node.b.firstSpanId && (
          <Link href={spanPath(traceIds.b, node.b.firstSpanId)} tabIndex={-1} aria-label={`Open in trace B: ${node.name}`} className={OPEN_LINK} onClick={(event) => event.stopPropagation()}>
            B
          </Link>
        )}
      </div>
    </div>
  );
}

/** One node of the merged tree; memoized, as a scroll re-renders only the rows that come into view. */
export const MergedTreeRow = memo(MergedTreeRowView);
