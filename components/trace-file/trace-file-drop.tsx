"use client";

import { useRef, useState } from "react";

/** A drop zone with a file chooser for one JSON trace file. */
export function TraceFileDrop({ onFile, busy }: { onFile(file: File): void; busy: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div
      data-testid="trace-file-drop"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      }}
      className={`flex flex-col items-center gap-2 rounded-lg border-2 border-dashed px-6 py-8 text-center text-sm ${
        over ? "border-sky-500 bg-sky-50 dark:bg-sky-950" : "border-zinc-300 dark:border-zinc-700"
      }`}
    >
      <p className="font-medium">Drop an OTLP JSON or Zipkin v2 JSON trace file here</p>
      <p className="text-xs text-zinc-500">It is read in your browser and never uploaded or stored.</p>
      <button
        type="button"
        disabled={busy}
        onClick={() => input.current?.click()}
        className="rounded border border-zinc-300 px-3 py-1 hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {busy ? "Reading…" : "Choose a file"}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        data-testid="trace-file-input"
        className="sr-only"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = "";
        }}
      />
    </div>
  );
}
