/** A duration for people: 850µs, 12.3ms, 1.25s, 2m 05s. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  const abs = Math.abs(ms);
  if (abs === 0) return "0ms";
  if (abs < 1) return `${trim(ms * 1000, abs * 1000 < 10 ? 2 : abs * 1000 < 100 ? 1 : 0)}µs`;
  if (abs < 1000) return `${trim(ms, abs < 10 ? 2 : abs < 100 ? 1 : 0)}ms`;
  if (abs < 60_000) return `${trim(ms / 1000, 2)}s`;
  const minutes = Math.floor(abs / 60_000);
  const seconds = Math.floor((abs % 60_000) / 1000);
  return `${ms < 0 ? "-" : ""}${minutes}m ${String(seconds).padStart(2, "0")}s`;
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
