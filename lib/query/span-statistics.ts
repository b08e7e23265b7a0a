import "server-only";
import { SPAN_KIND_NAMES, STATUS_CODE_NAMES } from "@/lib/domain/span-record";
import { readSpanTotals } from "@/lib/store/rollups/read-span-totals";
import { nanosToMillis } from "@/lib/domain/time-units";

const zeros = <T extends string>(names: readonly T[]) => Object.fromEntries(names.map((name) => [name, 0])) as Record<T, number>;

/** Status and kind distributions and the mean duration of every stored span. */
export async function spanStatistics() {
  const status_distribution = zeros(STATUS_CODE_NAMES);
  const kind_distribution = zeros(SPAN_KIND_NAMES);
  let spans = 0;
  let durationSumNs = 0n;
  for (const totals of await readSpanTotals()) {
    spans += totals.spanCount;
    durationSumNs += totals.durationSumNs;
    kind_distribution[SPAN_KIND_NAMES[totals.kind] ?? "unspecified"] += totals.spanCount;
    status_distribution.error += totals.errorCount;
    status_distribution.ok += totals.okCount;
    status_distribution.unset += totals.spanCount - totals.errorCount - totals.okCount;
  }
  return { status_distribution, kind_distribution, average_duration_ms: spans === 0 ? null : nanosToMillis(durationSumNs) / spans };
}
