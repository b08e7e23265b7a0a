import { REFRESH_OPTIONS } from "@/lib/ui/time-range";

/** Auto-refresh interval: off, 10s, 30s or 1m. */
export function RefreshPicker({ value, onChange }: { value: string; onChange: (value: string | null) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
      Auto-refresh
      <select
        className="rounded border border-zinc-300 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        value={value}
        onChange={(event) => onChange(event.target.value === "off" ? null : event.target.value)}
      >
        {REFRESH_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
