/** Durations and timestamps for people, on every page. Pure; local time. */
import { unixNanoToMs } from "@/lib/domain/time-units";

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** Rounded to 2 decimals below 10, 1 below 100, else whole (trailing zeros dropped). */
function roundShort(value: number): number {
  return Number(value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0));
}

/** A positive duration: each unit is rounded first, and a value that rounds up to the next unit's size is shown in that unit. */
function formatPositiveDuration(ms: number): string {
  const micros = roundShort(ms * 1000);
  if (micros < 1000) return `${micros}µs`;
  const millis = roundShort(ms);
  if (millis < 1000) return `${millis}ms`;
  const seconds = roundShort(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const wholeSeconds = Math.round(ms / 1000);
  if (wholeSeconds < 3600) return `${Math.floor(wholeSeconds / 60)}m ${pad(wholeSeconds % 60)}s`;
  const wholeMinutes = Math.round(ms / 60_000);
  return `${Math.floor(wholeMinutes / 60)}h ${pad(wholeMinutes % 60)}m`;
}

/** A duration: 850µs, 12.3ms, 1.25s, 12.3s, 2m 05s, 1h 03m (999.6ms is 1s, 59.99s is 1m 00s). */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "–";
  if (ms === 0) return "0ms";
  return `${ms < 0 ? "-" : ""}${formatPositiveDuration(Math.abs(ms))}`;
}

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

/** A unix-nanosecond decimal string as formatDateTime shows it. */
export function formatTimestamp(unixNano: string): string {
  return formatDateTime(unixNanoToMs(unixNano));
}

/** The local time of day: `14:03:22`. */
export function formatTimeOfDay(ms: number): string {
  return clock(new Date(ms)).slice(0, 8);
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

/** A `datetime-local` input's value (local time, minutes) for unix ms; "" for NaN. */
export function toLocalInputValue(ms: number): string {
  if (Number.isNaN(ms)) return "";
  const date = new Date(ms);
  return `${calendarDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` input's value (local time) as unix ms; null when unset or invalid. */
export function fromLocalInputValue(value: string): number | null {
  const ms = value ? new Date(value).getTime() : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}
