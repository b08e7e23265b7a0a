"use client";

import { useState, type FormEvent } from "react";
import { INPUT_CLASS } from "./field";
import { normalizeTraceId } from "@/lib/ui/traces/trace-search";

/** A box to paste a trace id and open that trace. */
export function TraceIdJump({ onOpen }: { onOpen(traceId: string): void }) {
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const traceId = normalizeTraceId(text);
    if (!traceId) {
      setProblem("A trace id is 32 (or 16) hex digits");
      return;
    }
    setProblem(null);
    onOpen(traceId);
  }

  return (
    <form aria-label="Open a trace by id" onSubmit={submit} className="flex flex-wrap items-start gap-2">
      <div className="min-w-64 flex-1">
        <input
          aria-label="Trace id"
          className={`${INPUT_CLASS} font-mono`}
          value={text}
          placeholder="Paste a trace id, e.g. 4bf92f3577b34da6a3ce929d0e0e4736"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
        />
        {problem && <p className="mt-1 text-xs text-red-600 dark:text-red-400">{problem}</p>}
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
