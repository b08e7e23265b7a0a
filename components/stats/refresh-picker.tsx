import { Select } from "@/components/ui/select";
import { REFRESH_OPTIONS } from "@/lib/ui/time-range";

/** Auto-refresh interval: off, 10s, 30s or 1m. */
export function RefreshPicker({ value, onChange }: { value: string; onChange: (value: string | null) => void }) {
  return <Select label="Auto-refresh" value={value} options={REFRESH_OPTIONS} onChange={(next) => onChange(next === "off" ? null : next)} />;
}
