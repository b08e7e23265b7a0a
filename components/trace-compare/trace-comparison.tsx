"use client";

import { useCallback, useMemo, useState } from "react";
import type { CompareTracesResult } from "@/lib/api/contracts/compare";
import { revealNode, visibleNodes } from "@/lib/trace-compare/visible-nodes";
import { ROW_HEIGHT } from "@/lib/ui/waterfall-layout";
import { ComparisonHeader } from "./comparison-header";
import { ContributionList } from "./contribution-list";
import { DiffLegend } from "./diff-legend";
import { MergedTree } from "./merged-tree";

/** The tree takes the rows it has up to this height, then scrolls. */
const MAX_TREE_HEIGHT = "calc(100vh - 16rem)";

/**
 * A comparison: the two traces, where the difference was spent, and the merged tree with
 * unchanged subtrees collapsed (toggles flip a node from its default).
 */
export function TraceComparison({ comparison }: { comparison: CompareTracesResult }) {
  const { nodes } = comparison;
  const [toggled, setToggled] = useState<ReadonlySet<number>>(() => new Set());
  const [focused, setFocused] = useState<number | null>(null);
  const shown = useMemo(() => visibleNodes(nodes, toggled), [nodes, toggled]);
  const traceIds = useMemo(() => ({ a: comparison.a.traceId, b: comparison.b.traceId }), [comparison]);

  const toggle = useCallback((index: number) => {
    setToggled((current) => {
      const next = new Set(current);
      if (!next.delete(index)) next.add(index);
      return next;
    });
  }, []);

  function show(index: number) {
    setToggled((current) => revealNode(nodes, index, current));
    setFocused(index);
  }

  return (
    <div className="space-y-5">
      <ComparisonHeader a={comparison.a} b={comparison.b} diffMs={comparison.diffMs} />
      <section aria-labelledby="contributions-title" className="space-y-2">
        <h2 id="contributions-title" className="text-sm font-semibold">
          Largest contributions to the difference <span className="font-normal text-zinc-500">(change of self time: time a span spent outside its children)</span>
        </h2>
        <ContributionList contributions={comparison.contributions} onShow={show} />
      </section>
      <section aria-labelledby="merged-tree-title" className="space-y-2">
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h2 id="merged-tree-title" className="text-sm font-semibold">
            Merged span tree <span className="font-normal text-zinc-500">by (service, operation) path; repeated siblings add up</span>
          </h2>
          <DiffLegend counts={comparison.stateCounts} />
        </div>
        <MergedTree
          nodes={nodes}
          shown={shown}
          toggled={toggled}
          focused={focused}
          traceIds={traceIds}
          onToggle={toggle}
          onFocus={setFocused}
          height={`min(${shown.length * ROW_HEIGHT + 2}px, ${MAX_TREE_HEIGHT})`}
        />
      </section>
    </div>
  );
}
