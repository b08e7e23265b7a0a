import { formatDuration } from "@/lib/ui/time-format";
import { rulerTicks } from "@/lib/waterfall/ruler-ticks";
import type { ViewRange } from "@/lib/waterfall/time-scale";

/** Round times across the viewed part of the trace. */
export function TimeRuler({ traceDurationMs, view }: { traceDurationMs: number; view: ViewRange }) {
  return (
    <div data-testid="time-ruler" className="pointer-events-none absolute inset-0">
      {rulerTicks(traceDurationMs, view).map((tick) => (
        <div key={tick.ms} className="absolute inset-y-0" style={{ left: `${tick.percent}%` }}>
          <div className="h-full w-px bg-zinc-300 dark:bg-zinc-700" />
          <span className={`absolute top-1.5 whitespace-nowrap text-[10px] tabular-nums ${tick.percent > 90 ? "right-1" : "left-1"}`}>
            {formatDuration(tick.ms)}
          </span>
        </div>
      ))}
    </div>
  );
}
