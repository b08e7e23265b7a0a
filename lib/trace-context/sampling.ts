/**
 * Deterministic trace-id ratio sampling: every service that sees the same trace-id and
 * ratio makes the same decision. Uses the rightmost 56 bits of the trace-id, which
 * Level 2 declares random, against a threshold, as OpenTelemetry's consistent
 * probability sampling does.
 */
export function shouldSampleTraceId(traceId: string, ratio: number): boolean {
  if (!(ratio > 0)) return false;
  if (ratio >= 1) return true;
  const randomness = BigInt(`0x${traceId.slice(-14)}`);
  const threshold = BigInt(Math.round((1 - ratio) * 2 ** 56));
  return randomness >= threshold;
}

/** Parses a ratio setting such as `TRACE_SAMPLE_RATIO`; falls back when unset or not in [0, 1]. */
export function parseSampleRatio(value: string | undefined, fallback = 1): number {
  if (value === undefined || value.trim() === "") return fallback;
  const ratio = Number(value);
  return Number.isFinite(ratio) && ratio >= 0 && ratio <= 1 ? ratio : fallback;
}
