"use client";

import { useState } from "react";

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={`Copy ${label}`}
      title={`Copy ${label}`}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1200);
          },
          () => {},
        );
      }}
      className="shrink-0 rounded px-1 text-[10px] text-zinc-500 opacity-0 hover:bg-zinc-200 group-hover:opacity-100 focus:opacity-100 dark:hover:bg-zinc-700"
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}
