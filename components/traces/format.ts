const NANOS_PER_MILLI = 1_000_000n;

/** A `...UnixNano` decimal string as unix milliseconds (sub-millisecond part dropped). */
export function unixNanoToMs(unixNano: string): number {
  return Number(BigInt(unixNano) / NANOS_PER_MILLI);
}

function trimmed(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** A duration in milliseconds for people: `850µs`, `12.3ms`, `1.24s`, `2m 5s`, `1h 3m`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "–";
  if (ms === 0) return "0ms";
  if (ms < 1) return `${trimmed(ms * 1000, ms < 0.01 ? 2 : 0)}µs`;
  if (ms < 10) return `${trimmed(ms, 2)}ms`;
  if (ms < 1000) return `${trimmed(ms, ms < 100 ? 1 : 0)}ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${trimmed(seconds, seconds < 10 ? 2 : 1)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${Math.floor(seconds % 60)}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

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

/** An axis tick: `14:03:22` within a day's span, `11-26 14:03` beyond. */
export function formatAxisTime(ms: number, rangeMs: number): string {
  const date = new Date(ms);
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  if (rangeMs <= 86_400_000) return rangeMs <= 3_600_000 ? `${time}:${pad(date.getSeconds())}` : time;
  return `${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}
