"use client";

import { useRouter } from "next/navigation";
import { useEffect, type KeyboardEvent } from "react";
import { useRowWindow } from "@/components/waterfall/use-row-window";
import { isCollapsed } from "@/lib/trace-compare/visible-nodes";
import { spanPath } from "@/lib/ui/trace-compare/compare-link";
import { treeKeyAction } from "@/lib/ui/tree-keys";
import { ROW_HEIGHT } from "@/lib/ui/waterfall-layout";
import { MergedTreeRow, TREE_COLUMNS, type MergedNode } from "./merged-tree-row";

export interface MergedTreeProps {
  nodes: readonly MergedNode[];
  /** The nodes shown, in order (collapsed subtrees left out). */
  shown: Int32Array;
  toggled: ReadonlySet<number>;
  focused: number | null;
  traceIds: { a: string; b: string };
  onToggle(index: number): void;
  onFocus(index: number): void;
  height: string;
}

const HEADINGS = ["Service and operation", "A", "B", "B - A", "self B - A", "open"];

/**
 * The merged tree, one row per node, only the rows in view rendered. Keys as in the
 * waterfall: up/down move, right expands or steps to the first child, left collapses or
 * steps to the parent, home/end jump (lib/ui/tree-keys.ts); enter (or space) opens the
 * node's span in trace A (in B when A has none), with shift in trace B.
 */
export function MergedTree({ nodes, shown, toggled, focused, traceIds, onToggle, onFocus, height }: MergedTreeProps) {
  const router = useRouter();
  const { containerRef, start, end, reveal } = useRowWindow(shown.length, ROW_HEIGHT);
  const focusedPosition = focused === null ? -1 : shown.indexOf(focused);

  useEffect(() => {
    if (focusedPosition >= 0) reveal(focusedPosition);
  }, [focusedPosition, reveal]);

  function open(node: MergedNode, preferB: boolean) {
    const [first, second] = preferB ? (["b", "a"] as const) : (["a", "b"] as const);
    const role = node[first].firstSpanId ? first : second;
    router.push(spanPath(traceIds[role], node[role].firstSpanId!));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (shown.length === 0) return;
    const index = shown[Math.max(0, focusedPosition)];
    const node = nodes[index];
    const row = { index, hasChildren: node.subtreeSize > 1, collapsed: isCollapsed(node, index, toggled), parent: node.parent ?? -1 };
    const action = treeKeyAction(event.key, shown, focusedPosition, row);
    if (!action) return;
    event.preventDefault();
    if (action.kind === "focus") onFocus(action.row);
    else if (action.kind === "toggle") onToggle(index);
    else if (action.kind === "activate") open(node, event.shiftKey);
  }

  const rows = [];
  for (let position = start; position < end; position++) {
    const index = shown[position];
    rows.push(
      <MergedTreeRow
        key={index}
        index={index}
        position={position}
        node={nodes[index]}
        collapsed={isCollapsed(nodes[index], index, toggled)}
        focused={focused === index}
        traceIds={traceIds}
        onToggle={onToggle}
        onFocus={onFocus}
      />,
    );
  }

  return (
    <div className="overflow-hidden rounded border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <div
        className="grid h-7 items-center border-b border-zinc-200 bg-zinc-50 text-[11px] font-medium text-zinc-500 [scrollbar-gutter:stable] overflow-y-hidden dark:border-zinc-800 dark:bg-zinc-900"
        style={{ gridTemplateColumns: TREE_COLUMNS }}
        aria-hidden
      >
        {HEADINGS.map((heading, column) => (
          <div key={heading} className={`px-2 ${column > 0 ? "text-right" : ""}`}>
            {heading}
          </div>
        ))}
      </div>
      <div
        ref={containerRef}
        role="tree"
        aria-label="Merged span tree (enter opens the span in trace A, shift+enter in trace B)"
        data-testid="compare-tree"
        data-row-count={shown.length}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => focused === null && shown.length > 0 && onFocus(shown[0])}
        className="relative overflow-y-auto overscroll-contain [scrollbar-gutter:stable] focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
        style={{ height }}
      >
        <div className="relative" style={{ height: shown.length * ROW_HEIGHT }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
