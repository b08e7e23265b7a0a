"use client";

import { useState, type FormEvent } from "react";
import { TraceIdField } from "./trace-id-field";
import { normalizeTraceId, TRACE_ID_PROBLEM } from "@/lib/ui/traces/trace-search";

/** A box to paste a trace id and open that trace. */
export function TraceIdJump({ onOpen }: { onOpen(traceId: string): void }) {
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const traceId = normalizeTraceId(text);
    if (!traceId) {
      setProblem(TRACE_ID_PROBLEM);
      return;
    }
    setProblem(null);
    onOpen(traceId);
  }

  return (
    <form aria-label="Open a trace by id" onSubmit={submit} className="flex flex-wrap items-start gap-2">
      <div className="min-w-64 flex-1">
        <TraceIdField
          label="Trace id"
          text={text}
          problem={problem}
          placeholder="Paste a trace id, e.g. 4bf92f3577b34da6a3ce929d0e0e4736"
          onText={(next) => {
            setText(next);
            setProblem(null);
          }}
        />
      </div>
      <button
        type="submit"
        className="rounded border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Open trace
      </button>
    </form>
  );
}
