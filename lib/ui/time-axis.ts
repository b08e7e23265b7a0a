/** Time axes: round ticks and their labels, in local time. Pure. */
const pad = (value: number) => String(value).padStart(2, "0");

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TICK_STEPS_MS = [SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY];

/**
 * Round ticks for a time axis: the smallest step from a fixed ladder (1s … 7d) that
 * puts at most `maxTicks` ticks in the range, at multiples of the step in local time.
 */
export function timeTicks(startMs: number, endMs: number, maxTicks = 7): { ticks: number[]; stepMs: number } {
  const range = Math.max(endMs - startMs, 1);
  const stepMs = TICK_STEPS_MS.find((step) => range / step <= maxTicks) ?? TICK_STEPS_MS[TICK_STEPS_MS.length - 1];
  const offsetMs = new Date(startMs).getTimezoneOffset() * 60_000;
  const ticks: number[] = [];
  for (let tick = Math.ceil((startMs - offsetMs) / stepMs) * stepMs + offsetMs; tick <= endMs; tick += stepMs) ticks.push(tick);
  return { ticks, stepMs };
}

/** A time-axis tick for a tick step: `14:03:20` below a minute, `14:05` below a day, `11-26` for whole days, else `11-26 14:00`. */
export function formatAxisTime(ms: number, stepMs: number): string {
  const date = new Date(ms);
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  const day = `${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  if (stepMs < MINUTE) return `${time}:${pad(date.getSeconds())}`;
  if (stepMs < DAY) return time === "00:00" && stepMs >= HOUR ? day : time;
  return day;
}

/** A tick of a chart spanning `spanMs` whose ticks the chart picks: `11-26 14:00` over a day and a half, `14:05` over half an hour, else `14:03:20`. */
export function formatChartTime(ms: number, spanMs: number): string {
  const date = new Date(ms);
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  if (spanMs > 36 * HOUR) return `${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
  return spanMs < 30 * MINUTE ? `${time}:${pad(date.getSeconds())}` : time;
}
