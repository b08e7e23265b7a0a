"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { TraceIdField } from "@/components/traces/trace-id-field";
import { useSimilarTraces } from "@/lib/client/queries/trace-compare";
import { useTraceDetail } from "@/lib/client/queries/trace-detail";
import { unixNanoToMs } from "@/lib/domain/time-units";
import { comparePath } from "@/lib/ui/trace-compare/compare-link";
import { formatAgo, formatDuration } from "@/lib/ui/time-format";
import { normalizeTraceId, TRACE_ID_PROBLEM } from "@/lib/ui/traces/trace-search";

const BUTTON = "rounded border border-zinc-300 px-2 py-1 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Other recent runs of this trace's root operation, to compare with in one click. */
function SimilarTraces({ traceId, service, operation }: { traceId: string; service: string; operation: string }) {
  const similar = useSimilarTraces(service, operation, true);
  const others = similar.data?.traces.filter((trace) => trace.traceId !== traceId) ?? [];
  const nowMs = similar.dataUpdatedAt;
  return (
    <div className="space-y-1">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Recent traces with <span className="font-medium">{service}</span>: {operation}
      </p>
      {similar.isPending ? (
        <p className="text-xs text-zinc-500">Loading…</p>
      ) : similar.isError ? (
        <p className="text-xs text-red-600 dark:text-red-400">Could not list traces: {similar.error.message}</p>
      ) : others.length === 0 ? (
        <p className="text-xs text-zinc-500">No other trace of it in the last day.</p>
      ) : (
        <ul data-testid="similar-traces" className="max-h-64 overflow-y-auto">
          {others.map((trace) => (
            <li key={trace.traceId}>
              <Link
                href={comparePath(traceId, trace.traceId)}
                data-testid="similar-trace"
                className="grid grid-cols-[1fr_auto_auto] gap-3 rounded px-2 py-1 text-xs tabular-nums hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-zinc-800"
              >
                <span className="font-mono">{trace.traceId.slice(0, 12)}</span>
                <span className="text-zinc-500">{formatAgo(unixNanoToMs(trace.startTimeUnixNano), nowMs)}</span>
                <span className="w-16 text-right font-medium">{formatDuration(trace.durationMs)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * "Compare with…" on a trace's page: a panel that takes the other trace's id, or offers
 * recent traces of the same root operation. The root is read from the trace detail the
 * page has already loaded (the same query, so no second request).
 */
export function CompareWith({ traceId }: { traceId: string }) {
  const router = useRouter();
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const root = useTraceDetail(traceId).data?.spans[0];

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const other = normalizeTraceId(text);
    if (!other) setProblem(TRACE_ID_PROBLEM);
    else router.push(comparePath(traceId, other));
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") close();
  };

  return (
    <div
      className="relative"
      onKeyDown={onKeyDown}
      // Focus leaving the button and the panel (a click elsewhere) closes it; a click inside focuses the panel itself.
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button ref={buttonRef} type="button" aria-expanded={open} aria-controls={panelId} onClick={() => (open ? close() : setOpen(true))} className={BUTTON}>
        Compare with…
      </button>
      {open && (
        <div
          id={panelId}
          role="dialog"
          tabIndex={-1}
          aria-label="Compare with another trace"
          className="absolute right-0 z-20 mt-1 w-[26rem] max-w-[90vw] space-y-3 rounded-lg focus:outline-none border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <form onSubmit={submit} className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              <TraceIdField
                label="Trace id to compare with"
                autoFocus
                text={text}
                problem={problem}
                placeholder="Paste the other trace id"
                onText={(next) => {
                  setText(next);
                  setProblem(null);
                }}
              />
            </div>
            <button type="submit" className={`${BUTTON} py-1.5`}>
              Compare
            </button>
          </form>
          {root && <SimilarTraces traceId={traceId} service={root.service} operation={root.name} />}
        </div>
      )}
    </div>
  );
}
