import { describe, expect, it } from "vitest";
import { createRandom } from "@/scripts/demo/random";
import { SLOW_OUTLIER_RATE, batchImportCount, scheduleRuns } from "@/scripts/demo/schedule";

const totalTraces = (runs: ReturnType<typeof scheduleRuns>) => runs.reduce((sum, run) => sum + run.scenario.traces, 0);

describe("scheduleRuns", () => {
  it.each([1, 2, 3, 39, 40, 150, 299, 300, 301, 1_000])("addsUpToExactly_%i_traces", (traces) => {
    for (const seed of [1, 2, 3, 4, 5]) expect(totalTraces(scheduleRuns(createRandom(seed), traces))).toBe(traces);
  });

  it.each<[string, number, number]>([
    ["tooSmallForAnImport", 39, 0],
    ["smallestWithAnImport", 40, 1],
    ["default", 300, 2],
    ["thousand", 1_000, 6],
  ])("batchImports_%s", (_name, traces, imports) => {
    expect(batchImportCount(traces)).toBe(imports);
    const runs = scheduleRuns(createRandom(9), traces);
    expect(runs.filter((run) => run.scenario.name === "batch-import")).toHaveLength(imports);
  });

  it("mixesEveryScenario_withAFewSlowOutliersOf10To50x", () => {
    const runs = scheduleRuns(createRandom("mix"), 3_000);
    expect(new Set(runs.map((run) => run.scenario.name)).size).toBe(10);
    const slow = runs.filter((run) => run.slowFactor > 1);
    expect(slow.length / runs.length).toBeGreaterThan(SLOW_OUTLIER_RATE / 2);
    expect(slow.length / runs.length).toBeLessThan(SLOW_OUTLIER_RATE * 2);
    for (const run of slow) {
      expect(run.slowFactor).toBeGreaterThanOrEqual(10);
      expect(run.slowFactor).toBeLessThanOrEqual(50);
      expect(run.scenario.name).not.toBe("batch-import");
    }
  });

  it("sameSeed_sameSchedule", () => {
    const names = (seed: string) => scheduleRuns(createRandom(seed), 300).map((run) => `${run.scenario.name}x${run.slowFactor}`);
    expect(names("s")).toEqual(names("s"));
    expect(names("s")).not.toEqual(names("t"));
  });
});
