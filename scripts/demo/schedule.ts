// Decides what the demo sends: which scenario each run is, how many traces it adds,
// which runs are slow outliers. Pure and seeded: the same seed gives the same schedule.
import type { Random } from "./random";
import { TRAFFIC, batchImport, type Scenario } from "./scenarios";

export interface ScheduledRun {
  scenario: Scenario;
  /** 1 normally; 10-50 for a slow outlier. */
  slowFactor: number;
}

/** One batch import per 150 traces, none in runs too small to afford one. */
export function batchImportCount(traces: number): number {
  return traces < 40 ? 0 : Math.max(1, Math.floor(traces / 150));
}

export const SLOW_OUTLIER_RATE = 0.03;

/** Runs whose trace counts add up to exactly `traces`. */
export function scheduleRuns(random: Random, traces: number): ScheduledRun[] {
  const runs: ScheduledRun[] = [];
  const imports = batchImportCount(traces);
  for (let i = 0; i < imports; i++) runs.push({ scenario: batchImport, slowFactor: 1 });

  let remaining = traces - imports;
  while (remaining > 0) {
    const fitting = TRAFFIC.filter(([scenario]) => scenario.traces <= remaining);
    const scenario = random.weighted(fitting);
    const slowFactor = random.chance(SLOW_OUTLIER_RATE) ? Math.round(random.float(10, 50)) : 1;
    runs.push({ scenario, slowFactor });
    remaining -= scenario.traces;
  }
  return runs;
}
