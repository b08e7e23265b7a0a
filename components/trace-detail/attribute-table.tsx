import type { Attributes } from "@/lib/domain/span-record";
import { attributeType } from "@/lib/waterfall/attribute-type";
import { attributeText } from "@/lib/waterfall/find-spans";
import { CopyButton } from "./copy-button";

/** Key, typed value and a copy button per attribute; `filter` keeps the keys or values containing it. */
export function AttributeTable({ attributes, filter = "", testId }: { attributes: Attributes; filter?: string; testId?: string }) {
  const needle = filter.toLowerCase();
  const entries = Object.entries(attributes)
    .map(([key, value]) => ({ key, value, text: attributeText(value), type: attributeType(value) }))
    .filter((entry) => !needle || entry.key.toLowerCase().includes(needle) || entry.text.toLowerCase().includes(needle))
    .sort((a, b) => a.key.localeCompare(b.key));
  if (entries.length === 0) return <p className="text-xs text-zinc-500">{needle ? "No attribute matches." : "None."}</p>;
  return (
    <dl data-testid={testId} className="divide-y divide-zinc-100 text-xs dark:divide-zinc-800">
      {entries.map((entry) => (
        <div key={entry.key} data-testid="attribute" data-key={entry.key} className="group grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-2 py-1">
          <dt className="break-all font-mono text-zinc-600 dark:text-zinc-400">{entry.key}</dt>
          <dd className="flex min-w-0 items-start gap-1">
            <span data-testid="attribute-value" className="min-w-0 flex-1 whitespace-pre-wrap break-all font-mono">
              {entry.text}
            </span>
            <span className="shrink-0 rounded bg-zinc-100 px-1 text-[10px] text-zinc-500 dark:bg-zinc-800" title="Type">
              {entry.type}
            </span>
            <CopyButton text={entry.text} label={entry.key} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
