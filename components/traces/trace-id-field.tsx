"use client";

import { INPUT_CLASS } from "./field";

/** A box to paste a trace id into, with what is wrong with it underneath (see normalizeTraceId). */
export function TraceIdField({
  label,
  text,
  problem,
  placeholder,
  autoFocus,
  onText,
}: {
  label: string;
  text: string;
  problem: string | null;
  placeholder: string;
  autoFocus?: boolean;
  onText(text: string): void;
}) {
  return (
    <>
      <input
        aria-label={label}
        // Opened on purpose (a "Compare with…" panel): the box is what the person came for.
        autoFocus={autoFocus}
        className={`${INPUT_CLASS} font-mono`}
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        onChange={(event) => onText(event.target.value)}
      />
      {problem && <p className="mt-1 text-xs text-red-600 dark:text-red-400">{problem}</p>}
    </>
  );
}
