/** Number and time formatting shared by the dashboard's pages. Pure. */

/** A duration in milliseconds, with a unit that keeps it short: 850µs, 12.3ms, 4.56s, 2m 5s. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "–";
  if (ms === 0) return "0ms";
  if (ms < 1) return `${Math.round(ms * 1000)}µs`;
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m ${Math.round((ms - minutes * 60_000) / 1000)}s`;
}

/** A ratio 0..1 as a percentage: 0%, 0.05%, 2.5%, 100%. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "–";
  const percent = ratio * 100;
  if (percent === 0) return "0%";
  if (percent < 0.1) return `${percent.toFixed(2)}%`;
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)}%`;
}

/** A count with thousands separators. */
export function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

/** Requests per second, short: 0.02/s, 3.4/s, 120/s. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return "–";
  if (perSecond === 0) return "0/s";
  if (perSecond < 1) return `${perSecond.toPrecision(2).replace(/\.?0+$/, "")}/s`;
  return `${perSecond < 10 ? perSecond.toFixed(1) : Math.round(perSecond)}/s`;
}

/** Unix nanoseconds (decimal string) to unix milliseconds. */
export function nanoToMs(unixNano: string): number {
  return Number(BigInt(unixNano) / 1_000_000n);
}
