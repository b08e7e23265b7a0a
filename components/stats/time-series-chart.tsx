"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { formatChartTime } from "@/lib/ui/time-axis";
import { formatDateTime } from "@/lib/ui/time-format";

export interface ChartSeries {
  key: string;
  name: string;
  /** Any CSS colour; readable on light and dark backgrounds. */
  color: string;
}

export type ChartPoint = { t: number } & Record<string, number | null>;

function ChartTooltip({ active, payload, label, format }: Pick<TooltipContentProps<ValueType, NameType>, "active" | "payload" | "label"> & { format: (value: number) => string }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded border border-zinc-200 bg-white px-2 py-1 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="mb-1 font-mono text-zinc-500">{formatDateTime(Number(label))}</p>
      {payload.map((entry) => (
        <p key={String(entry.dataKey)} style={{ color: entry.color }}>
          {entry.name}: {entry.value === null || entry.value === undefined ? "–" : format(Number(entry.value))}
        </p>
      ))}
    </div>
  );
}

/** Few values (quiet traffic): show each as a dot, or a lone value between gaps would not be seen. */
function sparse(data: ChartPoint[], key: string): boolean {
  return data.filter((point) => point[key] !== null && point[key] !== undefined).length < 40;
}

/** One metric over time: a line per series on a shared time axis. */
export function TimeSeriesChart({ title, data, series, format, testId }: { title: string; data: ChartPoint[]; series: ChartSeries[]; format: (value: number) => string; testId: string }) {
  const spanMs = data.length > 1 ? data[data.length - 1].t - data[0].t : 0;
  return (
    <figure data-testid={testId} className="rounded-lg border border-zinc-200 bg-white p-3 text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
      <figcaption className="mb-2 text-sm font-medium text-zinc-900 dark:text-zinc-100">{title}</figcaption>
      <div className="h-56">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.2} />
            <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(ms: number) => formatChartTime(ms, spanMs)} stroke="currentColor" fontSize={11} minTickGap={40} />
            <YAxis tickFormatter={format} stroke="currentColor" fontSize={11} width={64} allowDecimals />
            <Tooltip content={({ active, payload, label }) => <ChartTooltip active={active} payload={payload} label={label} format={format} />} />
            {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
            {series.map((item) => (
              <Line
                key={item.key}
                type="monotone"
                dataKey={item.key}
                name={item.name}
                stroke={item.color}
                strokeWidth={2}
                dot={sparse(data, item.key) ? { r: 2.5, strokeWidth: 0, fill: item.color } : false}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
