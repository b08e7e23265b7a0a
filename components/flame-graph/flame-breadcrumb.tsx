import { serviceColor } from "@/lib/client/service-color";
import type { WaterfallTrace } from "@/lib/waterfall/waterfall-trace";

/** The path from the top-level span down to the selected one; each step zooms to its span, "Whole trace" zooms out. */
export function FlameBreadcrumb({
  trace,
  path,
  onZoomOut,
  onStep,
}: {
  trace: WaterfallTrace;
  path: readonly number[];
  onZoomOut(): void;
  onStep(row: number): void;
}) {
  const step = "max-w-56 truncate rounded px-1.5 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800";
  return (
    <nav aria-label="Path to the selected span" data-testid="flame-breadcrumb" className="flex min-h-6 flex-wrap items-center gap-0.5 text-xs">
      <button type="button" data-testid="flame-zoom-out" className={step} onClick={onZoomOut}>
        Whole trace
      </button>
      {path.map((row, index) => {
        const span = trace.spans[row];
        const last = index === path.length - 1;
        return (
          <span key={row} className="flex min-w-0 items-center gap-0.5">
            <span aria-hidden className="text-zinc-400">
              ›
            </span>
            <button
              type="button"
              data-testid="flame-breadcrumb-step"
              data-span-id={span.spanId}
              aria-current={last ? "location" : undefined}
              title={`${span.service}: ${span.name}`}
              className={`${step} flex items-center gap-1 ${last ? "font-medium" : "text-zinc-600 dark:text-zinc-400"}`}
              onClick={() => onStep(row)}
            >
              <span aria-hidden className="h-2 w-2 shrink-0 rounded-sm" style={{ backgroundColor: serviceColor(span.service) }} />
              <span className="truncate">{span.name}</span>
            </button>
          </span>
        );
      })}
    </nav>
  );
}
