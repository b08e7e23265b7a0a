"use client";

import { useState, type FormEvent } from "react";
import { Field, INPUT_CLASS } from "@/components/traces/field";
import { normalizeTraceId, TRACE_ID_PROBLEM } from "@/lib/ui/traces/trace-search";

const BUTTON = "rounded border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Two boxes to paste trace ids into (A, then B), filled with the ids compared now. */
export function CompareForm({ a, b, onCompare }: { a: string; b: string; onCompare(a: string, b: string): void }) {
  const [text, setText] = useState({ a, b });
  const [problems, setProblems] = useState<{ a?: string; b?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const ids = { a: normalizeTraceId(text.a), b: normalizeTraceId(text.b) };
    setProblems({ a: ids.a ? undefined : TRACE_ID_PROBLEM, b: ids.b ? undefined : TRACE_ID_PROBLEM });
    if (ids.a && ids.b) onCompare(ids.a, ids.b);
  }

  const input = (role: "a" | "b") => (
    <Field label={`Trace ${role.toUpperCase()}`} htmlFor={`compare-${role}`} problem={problems[role]}>
      <input
        id={`compare-${role}`}
        className={`${INPUT_CLASS} font-mono`}
        value={text[role]}
        placeholder="Paste a trace id"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problems[role] ? true : undefined}
        aria-describedby={problems[role] ? `compare-${role}-problem` : undefined}
        onChange={(event) => {
          setText({ ...text, [role]: event.target.value });
          setProblems({ ...problems, [role]: undefined });
        }}
      />
    </Field>
  );

  return (
    <form aria-label="Traces to compare" onSubmit={submit} className="grid items-start gap-3 sm:grid-cols-[1fr_auto_1fr_auto]">
      {input("a")}
      <button type="button" aria-label="Swap A and B" title="Swap A and B" onClick={() => setText({ a: text.b, b: text.a })} className={`${BUTTON} sm:mt-5`}>
        ⇄
      </button>
      {input("b")}
      <button type="submit" className={`${BUTTON} sm:mt-5`}>
        Compare
      </button>
    </form>
  );
}
