/**
 * The time range of a dashboard view as it sits in the URL, on every page: a lookback
 * preset (`range=6h`) that follows the clock, or a fixed custom window (`start`, `end`
 * in unix ms or ISO 8601). Older trace search links said `lookback=6h`; that key is
 * still read when `range` is absent. Pure.
 */

export const RANGE_PRESETS = [
  { value: "15m", label: "Last 15 minutes", ms: 15 * 60_000 },
  { value: "1h", label: "Last hour", ms: 60 * 60_000 },
  { value: "6h", label: "Last 6 hours", ms: 6 * 60 * 60_000 },
  { value: "24h", label: "Last 24 hours", ms: 24 * 60 * 60_000 },
  { value: "7d", label: "Last 7 days", ms: 7 * 24 * 60 * 60_000 },
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number];
export type RangePresetValue = RangePreset["value"];

export const DEFAULT_RANGE: RangePresetValue = "1h";
/** The URL key of a preset, and the key older trace search links used for it. */
export const RANGE_KEY = "range";
const LEGACY_RANGE_KEY = "lookback";

export type TimeRange = { kind: "preset"; value: RangePresetValue; ms: number } | { kind: "custom"; startMs: number; endMs: number };

function instantMs(text: string | null): number | null {
  if (!text) return null;
  if (/^\d{1,15}$/.test(text)) return Number(text);
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
}

/** The preset named `value`, if there is one. */
export function presetOf(value: string | null): RangePreset | undefined {
  return RANGE_PRESETS.find((candidate) => candidate.value === value);
}

function preset(value: string | null): TimeRange | null {
  const found = presetOf(value);
  return found ? { kind: "preset", value: found.value, ms: found.ms } : null;
}

/** The range the URL asks for, or null for all time (nothing, or nothing valid, given). */
export function parseOptionalTimeRange(get: (key: string) => string | null): TimeRange | null {
  const startMs = instantMs(get("start"));
  const endMs = instantMs(get("end"));
  if (startMs !== null && endMs !== null && startMs < endMs) return { kind: "custom", startMs, endMs };
  return preset(get(RANGE_KEY) ?? get(LEGACY_RANGE_KEY));
}

/** The range the URL asks for; a missing, bad or reversed one is the default preset. */
export function parseTimeRange(get: (key: string) => string | null): TimeRange {
  return parseOptionalTimeRange(get) ?? preset(DEFAULT_RANGE)!;
}

/** The window in unix ms at `nowMs` (a preset ends now). */
export function resolveWindow(range: TimeRange, nowMs: number = Date.now()): { startMs: number; endMs: number } {
  return range.kind === "custom" ? { startMs: range.startMs, endMs: range.endMs } : { startMs: nowMs - range.ms, endMs: nowMs };
}

/** A stable key for a query cache (presets are the same view whatever the clock says). */
export function rangeKey(range: TimeRange): string {
  return range.kind === "custom" ? `${range.startMs}-${range.endMs}` : range.value;
}

// The API's own default steps: from 5 minutes up they are whole roll-up buckets, which it reads fastest.
const NICE_STEPS_MS = [1, 5, 10, 15, 30, 60, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400].map((seconds) => seconds * 1000);

/** The smallest round bucket that cuts `windowMs` into at most `maxBuckets` buckets. */
export function chooseStepMs(windowMs: number, maxBuckets = 120): number {
  return NICE_STEPS_MS.find((step) => windowMs / step <= maxBuckets) ?? NICE_STEPS_MS[NICE_STEPS_MS.length - 1];
}

export const REFRESH_OPTIONS = [
  { value: "off", label: "Off", ms: 0 },
  { value: "10s", label: "10s", ms: 10_000 },
  { value: "30s", label: "30s", ms: 30_000 },
  { value: "1m", label: "1m", ms: 60_000 },
] as const;

/** Auto-refresh interval in ms from the URL's `refresh`; 0 (off) when missing or unknown. */
export function refreshIntervalMs(value: string | null): number {
  return REFRESH_OPTIONS.find((option) => option.value === value)?.ms ?? 0;
}
