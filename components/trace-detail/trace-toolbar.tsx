"use client";

import type { ReactNode } from "react";

export interface TraceToolbarProps {
  find: string;
  matchCount: number | null;
  /** Why a TraceQL find was refused (the parser's message with its position). */
  findError?: string | null;
  onlyMatches: boolean;
  critical: boolean;
  zoomed: boolean;
  onFind(text: string): void;
  /** The waterfall's own controls, left out where they mean nothing (the flame graph). */
  onOnlyMatches?(only: boolean): void;
  onCritical(on: boolean): void;
  onExpandAll?(): void;
  onCollapseAll?(): void;
  onResetZoom(): void;
  children?: ReactNode;
}

const BUTTON = "rounded border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Find-in-trace (words, or a TraceQL query evaluated on the trace), match filter, critical path, expand/collapse all and zoom reset, plus the page's own actions. */
export function TraceToolbar(props: TraceToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        type="search"
        data-testid="find-input"
        value={props.find}
        onChange={(event) => props.onFind(event.target.value)}
        placeholder="Find in trace (words, or TraceQL: { status = error })"
        aria-label="Find in trace"
        aria-invalid={props.findError ? true : undefined}
        className="w-72 rounded border border-zinc-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
      />
      {props.findError && (
        <span data-testid="find-error" role="alert" className="text-xs text-red-600 dark:text-red-400">
          {props.findError}
        </span>
      )}
      {props.matchCount !== null && (
        <span data-testid="match-count" className="text-xs tabular-nums text-zinc-500">
          {props.matchCount} {props.matchCount === 1 ? "match" : "matches"}
        </span>
      )}
      {props.onOnlyMatches && (
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" data-testid="only-matches" checked={props.onlyMatches} onChange={(event) => props.onOnlyMatches?.(event.target.checked)} />
          Only matches
        </label>
      )}
      <label className="flex items-center gap-1 text-xs">
        <input type="checkbox" data-testid="critical-path" checked={props.critical} onChange={(event) => props.onCritical(event.target.checked)} />
        Critical path
      </label>
      {props.onExpandAll && props.onCollapseAll && (
        <>
          <span className="mx-1 h-4 w-px bg-zinc-300 dark:bg-zinc-700" />
          <button type="button" className={BUTTON} onClick={props.onExpandAll}>
            Expand all
          </button>
          <button type="button" className={BUTTON} onClick={props.onCollapseAll}>
            Collapse all
          </button>
        </>
      )}
      {props.zoomed && (
        <button type="button" className={BUTTON} onClick={props.onResetZoom}>
          Reset zoom
        </button>
      )}
      {props.children && <div className="ml-auto flex items-center gap-2">{props.children}</div>}
    </div>
  );
}
