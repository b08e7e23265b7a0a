import { z } from "zod";
import { MAX_UNIX_NANOS, MAX_UNIX_NANOS_TEXT } from "@/lib/domain/representable-time";
import { msToNanos } from "@/lib/domain/time-units";

export const DEFAULT_LOOKBACK_MS = 60 * 60 * 1000;
const UNIX_MILLIS = /^\d{1,15}$/;

/** An ISO 8601 instant or a whole number of unix milliseconds, as unix nanoseconds; null when malformed or outside 1970..2200. */
export function parseInstantNs(text: string): bigint | null {
  const nanos = UNIX_MILLIS.test(text) ? msToNanos(BigInt(text)) : isoNanos(text);
  return nanos !== null && nanos >= 0n && nanos <= MAX_UNIX_NANOS ? nanos : null;
}

function isoNanos(text: string): bigint | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const millis = Date.parse(text);
  return Number.isNaN(millis) ? null : msToNanos(millis);
}

export const InstantParam = z
  .string()
  .meta({ description: "ISO 8601 (`2026-11-26T17:00:00Z`) or unix milliseconds", examples: ["2026-11-26T17:00:00Z", "1795712400000"] })
  .transform((text, context) => {
    const nanos = parseInstantNs(text);
    if (nanos === null) {
      context.addIssue({ code: "custom", message: `invalid time "${text}": use ISO 8601 or unix milliseconds, from 1970 to ${MAX_UNIX_NANOS_TEXT}` });
      return z.NEVER;
    }
    return nanos;
  });

export interface TimeWindow {
  /** Inclusive lower bound, unix nanoseconds. */
  startNs: bigint;
  /** Inclusive upper bound, unix nanoseconds. */
  endNs: bigint;
}

/** The `start` and `end` query parameters; spread into a query's z.object and check with `windowInOrder`. */
export const timeWindowShape = { start: InstantParam.optional(), end: InstantParam.optional() };

export interface WindowBounds {
  start?: bigint;
  end?: bigint;
}

/** The window a query asks for: `end` defaults to now, `start` to `lookbackMs` before `end`. */
export function toTimeWindow(bounds: WindowBounds, lookbackMs = DEFAULT_LOOKBACK_MS, nowMs = Date.now()): TimeWindow {
  const endNs = bounds.end ?? msToNanos(nowMs);
  return { startNs: bounds.start ?? endNs - msToNanos(lookbackMs), endNs };
}

/** For `.superRefine`: a 400 on `start` when the window would be reversed. */
export function windowInOrder(lookbackMs = DEFAULT_LOOKBACK_MS) {
  return (bounds: WindowBounds, context: z.RefinementCtx) => {
    const window = toTimeWindow(bounds, lookbackMs);
    if (window.startNs > window.endNs) context.addIssue({ code: "custom", path: ["start"], message: "start must not be after end" });
  };
}
