/** Number and time formatting shared by the dashboard's pages. Pure. */

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
