// Backdating: exact unix nanoseconds as bigint, converted to the SDK's HrTime only at
// the edge, and the placement of each trace inside the last N hours.
import type { HrTime } from "@opentelemetry/api";
import type { Random } from "./random";

export const NS_PER_MS = 1_000_000;
const NS_PER_SECOND = 1_000_000_000n;

/** Unix nanoseconds now (millisecond resolution is plenty for backdated demo data). */
export function nowNs(): bigint {
  return BigInt(Date.now()) * BigInt(NS_PER_MS);
}

export function hoursToNs(hours: number): bigint {
  return BigInt(Math.round(hours * 3600 * 1000)) * BigInt(NS_PER_MS);
}

/** Milliseconds (fractional allowed) to whole nanoseconds. */
export function msToNs(ms: number): number {
  return Math.max(0, Math.round(ms * NS_PER_MS));
}

/** Unix nanoseconds to the SDK's [seconds, nanoseconds] pair, exactly. */
export function toHrTime(unixNs: bigint): HrTime {
  return [Number(unixNs / NS_PER_SECOND), Number(unixNs % NS_PER_SECOND)];
}

export interface TimeWindow {
  startNs: bigint;
  endNs: bigint;
}

export function lastHours(hours: number, endNs: bigint): TimeWindow {
  return { startNs: endNs - hoursToNs(hours), endNs };
}

/**
 * A start time for something lasting `extentNs`, uniform over the window so that it
 * both starts and ends inside it. When it is longer than the window it starts at the
 * window's start.
 */
export function placeInWindow(random: Random, window: TimeWindow, extentNs: number): bigint {
  const room = window.endNs - window.startNs - BigInt(Math.ceil(extentNs));
  if (room <= 0n) return window.startNs;
  // 2^53 steps are far finer than a nanosecond for any window of hours.
  const offset = BigInt(Math.floor(random.next() * Number(room)));
  return window.startNs + offset;
}
