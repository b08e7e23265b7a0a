import { serviceColor } from "@/lib/client/service-color";
import { formatDuration } from "@/lib/ui/time-format";
import type { WaterfallSpan } from "@/lib/waterfall/waterfall-trace";

const OFFSET_PX = 14;
const WIDTH_PX = 288;

/** What the pointer is over: service, operation, duration, self time (its duration minus what its children cover) and start. */
export function FlameTooltip({ span, selfMs, x, y, boxWidth }: { span: WaterfallSpan; selfMs: number; x: number; y: number; boxWidth: number }) {
  // Beside the pointer, flipped to its left near the right edge.
  const left = x + OFFSET_PX + WIDTH_PX > boxWidth ? Math.max(0, x - OFFSET_PX - WIDTH_PX) : x + OFFSET_PX;
  return (
    <div
      role="tooltip"
      data-testid="flame-tooltip"
      data-span-id={span.spanId}
      className="pointer-events-none absolute z-10 rounded border border-zinc-200 bg-white p-2 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      style={{ left, top: y + OFFSET_PX, width: WIDTH_PX }}
    >
      <div className="flex items-center gap-1.5 font-medium">
        <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-sm" style={{ backgroundColor: serviceColor(span.service) }} />
        <span data-testid="flame-tooltip-service" className="truncate">
          {span.service}
        </span>
      </div>
      <div data-testid="flame-tooltip-name" className="mt-0.5 break-words text-zinc-700 dark:text-zinc-300">
        {span.name}
      </div>
      <dl className="mt-1.5 grid grid-cols-[auto_1fr] gap-x-3 tabular-nums">
        <dt className="text-zinc-500">Duration</dt>
        <dd data-testid="flame-tooltip-duration">{formatDuration(span.durationMs)}</dd>
        <dt className="text-zinc-500">Self time</dt>
        <dd data-testid="flame-tooltip-self">
          {formatDuration(selfMs)}
          {span.durationMs > 0 && <span className="text-zinc-500"> ({Math.round((selfMs / span.durationMs) * 100)}%)</span>}
        </dd>
        <dt className="text-zinc-500">Starts at</dt>
        <dd>+{formatDuration(span.startMs)}</dd>
      </dl>
      {span.status === "error" && <div className="mt-1 font-medium text-red-600 dark:text-red-400">Error{span.statusMessage ? `: ${span.statusMessage}` : ""}</div>}
    </div>
  );
}
