"use client";

import { useState } from "react";
import { Select, SELECT_CLASS } from "@/components/ui/select";
import { fromLocalInputValue, toLocalInputValue } from "@/lib/ui/time-format";
import { RANGE_PRESETS, type TimeRange } from "@/lib/ui/time-range";

export type TimeRangeChange = { range: string | null; start: string | null; end: string | null };

const ALL = "all";
const CUSTOM = "custom";

/**
 * A lookback preset or a custom window. `range` null means all time (offered only with
 * `allowAll`). Changes come out as URL parameters: a preset clears start/end and vice versa.
 */
export function TimeRangePicker({ range, allowAll = false, onChange }: { range: TimeRange | null; allowAll?: boolean; onChange: (change: TimeRangeChange) => void }) {
  const [customOpen, setCustomOpen] = useState(range?.kind === "custom");
  const now = Date.now();
  const [from, setFrom] = useState(() => toLocalInputValue(range?.kind === "custom" ? range.startMs : now - 3_600_000));
  const [to, setTo] = useState(() => toLocalInputValue(range?.kind === "custom" ? range.endMs : now));
  const selected = customOpen || range?.kind === "custom" ? CUSTOM : range?.kind === "preset" ? range.value : ALL;
  const startMs = fromLocalInputValue(from);
  const endMs = fromLocalInputValue(to);
  const customValid = startMs !== null && endMs !== null && startMs < endMs;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        label="Time"
        id="time-range"
        value={selected}
        options={[...(allowAll ? [{ value: ALL, label: "All time" }] : []), ...RANGE_PRESETS, { value: CUSTOM, label: "Custom…" }]}
        onChange={(value) => {
          if (value === CUSTOM) return setCustomOpen(true);
          setCustomOpen(false);
          onChange({ range: value === ALL ? null : value, start: null, end: null });
        }}
      />
      {selected === CUSTOM && (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (customValid) onChange({ range: null, start: String(startMs), end: String(endMs) });
          }}
        >
          <input aria-label="From" type="datetime-local" className={SELECT_CLASS} value={from} onChange={(event) => setFrom(event.target.value)} />
          <span className="text-sm text-zinc-500">to</span>
          <input aria-label="To" type="datetime-local" className={SELECT_CLASS} value={to} onChange={(event) => setTo(event.target.value)} />
          <button type="submit" disabled={!customValid} className="rounded bg-sky-600 px-3 py-1 text-sm font-medium text-white hover:bg-sky-700 disabled:opacity-50">
            Apply
          </button>
        </form>
      )}
    </div>
  );
}
