import { serviceColor } from "@/lib/client/service-color";

/** A service name with its colour dot and, when given, its span count (and errors). */
export function ServiceBadge({ name, spanCount, errorCount = 0 }: { name: string; spanCount?: number; errorCount?: number }) {
  return (
    <span
      data-testid="service-badge"
      className="inline-flex max-w-full items-center gap-1.5 rounded-full border border-zinc-200 bg-white px-2 py-0.5 text-xs text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300"
    >
      <span className="h-2 w-2 shrink-0 rounded-full" style={{ backgroundColor: serviceColor(name) }} aria-hidden />
      <span className="truncate">{name}</span>
      {spanCount !== undefined && <span className="tabular-nums text-zinc-500 dark:text-zinc-400">{spanCount}</span>}
      {errorCount > 0 && (
        <span className="tabular-nums text-red-600 dark:text-red-400" title={`${errorCount} error spans`}>
          !{errorCount}
        </span>
      )}
    </span>
  );
}
