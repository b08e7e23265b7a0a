import type { QueryParams } from "@/lib/client/api-client";
import { resolveWindow, type TimeRange } from "@/lib/ui/time-range";

/**
 * `start`/`end` query parameters (unix ms) of a range, resolved when called: call it in
 * a queryFn so a preset ends at the time of each fetch while the query key (rangeKey)
 * stays the same. Null (all time) sends neither.
 */
export function windowParams(range: TimeRange | null): QueryParams {
  if (!range) return {};
  const { startMs, endMs } = resolveWindow(range);
  return { start: startMs, end: endMs };
}
