const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function clock(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

function calendarDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local date and time with milliseconds: `2026-11-26 14:03:22.007`. */
export function formatDateTime(ms: number): string {
  const date = new Date(ms);
  return `${calendarDate(date)} ${clock(date)}`;
}

/** A start time in local time with milliseconds; the date is left out when it is today. */
export function formatStartTime(ms: number, nowMs: number): string {
  const date = new Date(ms);
  return calendarDate(date) === calendarDate(new Date(nowMs)) ? clock(date) : formatDateTime(ms);
}

/** How long ago, coarsely: `just now`, `42s ago`, `5m ago`, `3h ago`, `2d ago`. */
export function formatAgo(ms: number, nowMs: number): string {
  const seconds = Math.round((nowMs - ms) / 1000);
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h ago`;
  return `${Math.floor(seconds / 86_400)}d ago`;
}

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
