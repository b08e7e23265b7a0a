/** A duration for people, on every page: 850µs, 12.3ms, 1.25s, 12.3s, 2m 05s, 1h 03m. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "–";
  const abs = Math.abs(ms);
  if (abs === 0) return "0ms";
  if (abs < 1) return `${trim(ms * 1000, abs * 1000 < 10 ? 2 : abs * 1000 < 100 ? 1 : 0)}µs`;
  if (abs < 1000) return `${trim(ms, abs < 10 ? 2 : abs < 100 ? 1 : 0)}ms`;
  if (abs < 60_000) return `${trim(ms / 1000, abs < 10_000 ? 2 : 1)}s`;
  const sign = ms < 0 ? "-" : "";
  const minutes = Math.floor(abs / 60_000);
  if (minutes < 60) return `${sign}${minutes}m ${String(Math.floor((abs % 60_000) / 1000)).padStart(2, "0")}s`;
  return `${sign}${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}

function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** A unix-nanosecond decimal string as a local date and time with milliseconds. */
export function formatTimestamp(unixNano: string): string {
  const ms = Number(BigInt(unixNano) / 1_000_000n);
  const date = new Date(ms);
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
