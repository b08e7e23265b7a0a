"use client";

import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { ScatterShapeProps } from "recharts/types/util/ScatterUtils";
import type { TraceSummary } from "@/lib/api/contracts/trace-summary";
import { formatDuration } from "@/lib/ui/time-format";
import { formatStartTime } from "@/lib/ui/time-format";
import { formatAxisTime, timeTicks } from "@/lib/ui/time-axis";
import { unixNanoToMs } from "@/lib/domain/time-units";

interface Point {
  x: number;
  y: number;
  trace: TraceSummary;
}

const OK_COLOUR = "#0ea5e9";
const ERROR_COLOUR = "#dc2626";

function pointsOf(traces: readonly TraceSummary[]): { ok: Point[]; failed: Point[] } {
  const ok: Point[] = [];
  const failed: Point[] = [];
  for (const trace of traces) {
    (trace.errorCount > 0 ? failed : ok).push({ x: unixNanoToMs(trace.startTimeUnixNano), y: trace.durationMs, trace });
  }
  return { ok, failed };
}

function radiusOf(spanCount: number): number {
  return Math.min(4 + Math.log2(Math.max(spanCount, 1)), 12);
}

function TooltipBody({ active, payload, nowMs }: { active?: boolean; payload?: Array<{ payload?: Point }>; nowMs: number }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  const { trace } = point;
  return (
    <div className="max-w-xs rounded border border-zinc-200 bg-white px-3 py-2 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="truncate font-medium">
        {trace.rootService}: {trace.rootName}
      </p>
      <p className="mt-1 tabular-nums text-zinc-600 dark:text-zinc-400">
        {formatDuration(trace.durationMs)} · {trace.spanCount} spans
        {trace.errorCount > 0 && <span className="text-red-600 dark:text-red-400"> · {trace.errorCount} errors</span>}
      </p>
      <p className="tabular-nums text-zinc-500">{formatStartTime(point.x, nowMs)}</p>
    </div>
  );
}

/**
 * Trace duration over start time, one dot per trace (errors in red, size by span count);
 * clicking a dot opens the trace.
 */
export function TraceScatterChart({
  traces,
  window,
  nowMs,
  onOpen,
}: {
  traces: readonly TraceSummary[];
  /** The searched window, so the axis shows where nothing was found too. */
  window: { startMs: number; endMs: number };
  nowMs: number;
  onOpen(traceId: string): void;
}) {
  const { ok, failed } = pointsOf(traces);
  const axis = timeTicks(window.startMs, window.endMs);

  // A render function (not a component), so dots are not remounted on each render.
  const renderDot = ({ cx, cy, payload }: ScatterShapeProps) => {
    const point = payload as Point | undefined;
    if (cx === undefined || cy === undefined || !point) return <g />;
    const fill = point.trace.errorCount > 0 ? ERROR_COLOUR : OK_COLOUR;
    return (
      <circle
        data-testid="scatter-dot"
        data-trace-id={point.trace.traceId}
        data-error={point.trace.errorCount > 0 ? "true" : "false"}
        cx={cx}
        cy={cy}
        r={radiusOf(point.trace.spanCount)}
        fill={fill}
        fillOpacity={0.7}
        stroke={fill}
        className="cursor-pointer"
        onClick={() => onOpen(point.trace.traceId)}
      />
    );
  };

  return (
    <div data-testid="trace-scatter" className="h-56 w-full rounded-lg border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
          <XAxis
            type="number"
            dataKey="x"
            name="Start"
            domain={[window.startMs, window.endMs]}
            ticks={axis.ticks}
            tickFormatter={(ms: number) => formatAxisTime(ms, axis.stepMs)}
            tick={{ fontSize: 11, fill: "currentColor" }}
            stroke="currentColor"
            strokeOpacity={0.3}
            allowDataOverflow
          />
          <YAxis
            type="number"
            dataKey="y"
            name="Duration"
            tickFormatter={(ms: number) => formatDuration(ms)}
            tick={{ fontSize: 11, fill: "currentColor" }}
            stroke="currentColor"
            strokeOpacity={0.3}
            width={64}
          />
          <Tooltip content={<TooltipBody nowMs={nowMs} />} cursor={{ strokeDasharray: "3 3" }} isAnimationActive={false} />
          <Scatter name="Traces" data={ok} fill={OK_COLOUR} shape={renderDot} isAnimationActive={false} />
          <Scatter name="Traces with errors" data={failed} fill={ERROR_COLOUR} shape={renderDot} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
