"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { FlameGraph } from "@/components/flame-graph/flame-graph";
import { StatisticsPanel } from "@/components/trace-statistics/statistics-panel";
import { Minimap } from "@/components/waterfall/minimap";
import { Waterfall } from "@/components/waterfall/waterfall";
import type { CriticalSection } from "@/lib/waterfall/critical-path";
import { findSpans } from "@/lib/waterfall/find-spans";
import { rowOfSpanId } from "@/lib/waterfall/row-of-span";
import { findSpansByTraceQL, isTraceQLFind } from "@/lib/waterfall/find-traceql";
import { traceCriticalPath } from "@/lib/waterfall/trace-critical-path";
import { expandAncestors, expandToRows, rowsWithChildren, visibleRows } from "@/lib/waterfall/visible-rows";
import type { WaterfallTrace } from "@/lib/waterfall/waterfall-trace";
import { INITIAL_TRACE_VIEW, type TraceViewState } from "@/lib/ui/trace-detail/trace-view-state";
import { FULL_VIEW } from "@/lib/waterfall/time-scale";
import { SelectedSpanDetail } from "./selected-span-detail";
import type { SpanLinkContext } from "./span-links";
import { TraceHeader } from "./trace-header";
import { panelId, tabId, TracePanelTabs } from "./trace-panel-tabs";
import { TraceToolbar } from "./trace-toolbar";

const WATERFALL_HEIGHT = "max(320px, calc(100vh - 380px))";
const STATE_SYNC_DELAY_MS = 300;

function sectionsByRow(sections: readonly CriticalSection[]): Map<number, CriticalSection[]> {
  const byRow = new Map<number, CriticalSection[]>();
  for (const section of sections) {
    const list = byRow.get(section.row);
    if (list) list.push(section);
    else byRow.set(section.row, [section]);
  }
  return byRow;
}

/** The first of some rows in the waterfall's order (rows are numbered depth first). */
function firstRow(rows: ReadonlySet<number>): number {
  let first = Infinity;
  for (const row of rows) first = Math.min(first, row);
  return first;
}

/**
 * A trace's header and, on three tabs, its minimap, toolbar, waterfall and span detail, its
 * flame graph (with the same toolbar and span detail), or its statistics table, with their
 * state (the linkable part reported through `onStateChange`, a moment after it settles).
 * The tabs share the selected span and the find box; the waterfall and the flame graph
 * also the critical path. Collapsing is per view and not linkable.
 */
export function TraceView({
  trace,
  initial = INITIAL_TRACE_VIEW,
  onStateChange,
  actions,
  aside,
  stored = false,
}: {
  trace: WaterfallTrace;
  /** The trace is in the store (not a dropped file): span links are looked up both ways. */
  stored?: boolean;
  initial?: TraceViewState;
  onStateChange?(state: TraceViewState): void;
  actions?: ReactNode;
  aside?: ReactNode;
}) {
  const initialRow = initial.spanId === null ? null : (rowOfSpanId(trace, initial.spanId) ?? null);
  const [selectedRow, setSelectedRow] = useState<number | null>(initialRow);
  const selectedRowRef = useRef(selectedRow);
  selectedRowRef.current = selectedRow;
  const [focusedRow, setFocusedRow] = useState<number | null>(initialRow);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const [find, setFind] = useState(initial.find);
  const [onlyMatches, setOnlyMatches] = useState(initial.onlyMatches);
  const [critical, setCritical] = useState(initial.critical);
  const [view, setView] = useState(initial.view);
  const [panel, setPanel] = useState(initial.panel);
  const [groupBy, setGroupBy] = useState(initial.groupBy);
  const [statisticsSort, setStatisticsSort] = useState(initial.statisticsSort);

  const searched = useDeferredValue(find);
  // Words search the spans' texts; a TraceQL query (`{ status = error }`) is evaluated on the trace.
  const found = useMemo(() => {
    if (!searched.trim()) return { rows: null, error: null };
    return isTraceQLFind(searched) ? findSpansByTraceQL(trace.spans, searched) : { rows: findSpans(trace.spans, searched), error: null };
  }, [trace, searched]);
  const matches = found.rows;
  // New matches are shown: their collapsed ancestors unfold, and without a selected span the first match is focused (scrolled into view).
  useEffect(() => {
    if (!matches || matches.size === 0) return;
    setCollapsed((old) => expandToRows(trace.parent, old, matches));
    if (selectedRowRef.current === null) setFocusedRow(firstRow(matches));
  }, [trace, matches]);
  const rows = useMemo(
    () => (onlyMatches && matches ? Int32Array.from([...matches].sort((a, b) => a - b)) : visibleRows(trace.subtreeEnd, collapsed)),
    [trace, collapsed, onlyMatches, matches],
  );
  const criticalSections = useMemo(
    () => (critical ? sectionsByRow(traceCriticalPath(trace)) : null),
    [trace, critical],
  );

  const report = useRef(onStateChange);
  report.current = onStateChange;
  const spanId = selectedRow === null ? null : trace.spans[selectedRow].spanId;
  useEffect(() => {
    const timer = setTimeout(
      () => report.current?.({ spanId, find, onlyMatches, critical, view, panel, groupBy, statisticsSort }),
      STATE_SYNC_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [spanId, find, onlyMatches, critical, view, panel, groupBy, statisticsSort]);

  const onToggle = useCallback((row: number) => {
    setCollapsed((old) => {
      const next = new Set(old);
      if (!next.delete(row)) next.add(row);
      return next;
    });
  }, []);
  /** Focuses a row and unfolds the waterfall down to it. */
  const reveal = useCallback(
    (row: number) => {
      setFocusedRow(row);
      setCollapsed((old) => (trace.parent[row] >= 0 ? expandAncestors(trace.parent, old, row) : old));
    },
    [trace],
  );
  const onSelect = useCallback(
    (row: number) => {
      setSelectedRow((old) => (old === row ? null : row));
      reveal(row);
    },
    [reveal],
  );
  // Selects a span without ever unselecting it (a link followed, a flame graph bar clicked).
  const showRow = useCallback(
    (row: number) => {
      setSelectedRow(row);
      reveal(row);
    },
    [reveal],
  );

  // A statistics group's name finds its spans in the waterfall, through the find box.
  const onFindGroup = useCallback((query: string) => {
    setFind(query);
    setPanel("waterfall");
  }, []);

  const links = useMemo<SpanLinkContext>(
    () => ({
      traceId: trace.traceId,
      stored,
      spanOf: (spanId) => {
        const row = rowOfSpanId(trace, spanId);
        return row === undefined ? undefined : trace.spans[row];
      },
      // A link within the trace selects its span, as a click on its row would (never unselects).
      select: (spanId) => {
        const row = rowOfSpanId(trace, spanId);
        if (row !== undefined) showRow(row);
      },
    }),
    [trace, stored, showRow],
  );

  const selected = selectedRow === null ? null : trace.spans[selectedRow];
  return (
    <div className="space-y-4">
      <TraceHeader trace={trace} actions={actions} />
      <TracePanelTabs panel={panel} onPanel={setPanel} />
      <div role="tabpanel" id={panelId(panel)} aria-labelledby={tabId(panel)} className="space-y-4">
        {panel === "statistics" ? (
          <>
            <StatisticsPanel
              trace={trace}
              groupBy={groupBy}
              sort={statisticsSort}
              selectedRow={selectedRow}
              onGroupBy={setGroupBy}
              onSort={setStatisticsSort}
              onFind={onFindGroup}
            />
            {aside}
          </>
        ) : (
          <>
            {panel === "waterfall" && <Minimap trace={trace} view={view} onViewChange={setView} />}
            <TraceToolbar
              find={find}
              matchCount={found.error === null ? (matches?.size ?? null) : null}
              findError={found.error}
              onlyMatches={onlyMatches}
              critical={critical}
              zoomed={panel === "waterfall" && (view.start > 0 || view.end < 1)}
              onFind={setFind}
              onCritical={setCritical}
              {...(panel === "waterfall" && {
                onOnlyMatches: setOnlyMatches,
                onExpandAll: () => setCollapsed(new Set()),
                onCollapseAll: () => setCollapsed(rowsWithChildren(trace.subtreeEnd)),
              })}
              onResetZoom={() => setView(FULL_VIEW)}
            />
            <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_420px]">
              {panel === "flame" ? (
                <FlameGraph trace={trace} selectedRow={selectedRow} matches={matches} critical={criticalSections} onSelect={showRow} maxHeight={WATERFALL_HEIGHT} />
              ) : (
                <Waterfall
                  trace={trace}
                  rows={rows}
                  view={view}
                  collapsed={collapsed}
                  selectedRow={selectedRow}
                  focusedRow={focusedRow}
                  matches={matches}
                  critical={criticalSections}
                  onToggle={onToggle}
                  onSelect={onSelect}
                  onFocus={setFocusedRow}
                  height={WATERFALL_HEIGHT}
                />
              )}
              <div className="space-y-4">
                {selected ? (
                  <SelectedSpanDetail
                    key={selected.spanId}
                    span={selected}
                    traceStartUnixNano={trace.startTimeUnixNano}
                    links={links}
                    onClose={() => setSelectedRow(null)}
                  />
                ) : (
                  <p className="rounded border border-dashed border-zinc-300 p-3 text-xs text-zinc-500 dark:border-zinc-700">
                    Click a span (or focus the {panel === "flame" ? "flame graph and use the arrow keys" : "waterfall and press Enter"}) to see its attributes, events and links.
                  </p>
                )}
                {aside}
              </div>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
