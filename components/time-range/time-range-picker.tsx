"use client";

import { useState } from "react";
import { RANGE_PRESETS, type TimeRange } from "@/lib/ui/time-range";

export type TimeRangeChange = { range: string | null; start: string | null; end: string | null };

const ALL = "all";
const CUSTOM = "custom";

/** `datetime-local` value (local time, minutes) of unix ms, and back. */
function toLocalInput(ms: number): string {
  const date = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

function fromLocalInput(value: string): number | null {
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

const FIELD = "rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/**
 * A lookback preset or a custom window. `range` null means all time (offered only with
 * `allowAll`). Changes come out as URL parameters: a preset clears start/end and vice versa.
 */
export function TimeRangePicker({ range, allowAll = false, onChange }: { range: TimeRange | null; allowAll?: boolean; onChange: (change: TimeRangeChange) => void }) {
  const [customOpen, setCustomOpen] = useState(range?.kind === "custom");
  const now = Date.now();
  const [from, setFrom] = useState(() => toLocalInput(range?.kind === "custom" ? range.startMs : now - 3_600_000));
  const [to, setTo] = useState(() => toLocalInput(range?.kind === "custom" ? range.endMs : now));
  const selected = customOpen || range?.kind === "custom" ? CUSTOM : range?.kind === "preset" ? range.value : ALL;
  const startMs = fromLocalInput(from);
  const endMs = fromLocalInput(to);
  const customValid = startMs !== null && endMs !== null && startMs < endMs;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="text-sm text-zinc-600 dark:text-zinc-400" htmlFor="time-range">
        Time
      </label>
      <select
        id="time-range"
        className={FIELD}
        value={selected}
        onChange={(event) => {
          const value = event.target.value;
          if (value === CUSTOM) return setCustomOpen(true);
          setCustomOpen(false);
          onChange({ range: value === ALL ? null : value, start: null, end: null });
        }}
      >
        {allowAll && <option value={ALL}>All time</option>}
        {RANGE_PRESETS.map((preset) => (
          <option key={preset.value} value={preset.value}>
            {preset.label}
          </option>
        ))}
        <option value={CUSTOM}>Custom…</option>
      </select>
      {selected === CUSTOM && (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (customValid) onChange({ range: null, start: String(startMs), end: String(endMs) });
          }}
        >
          <input aria-label="From" type="datetime-local" className={FIELD} value={from} onChange={(event) => setFrom(event.target.value)} />
          <span className="text-sm text-zinc-500">to</span>
          <input aria-label="To" type="datetime-local" className={FIELD} value={to} onChange={(event) => setTo(event.target.value)} />
          <button type="submit" disabled={!customValid} className="rounded bg-sky-600 px-3 py-1 text-sm font-medium text-white hover:bg-sky-700 disabled:opacity-50">
            Apply
          </button>
        </form>
      )}
    </div>
  );
}
