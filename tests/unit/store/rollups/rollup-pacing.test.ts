import { describe, expect, it } from "vitest";
import { ROLLUP_BUCKET_NS } from "@/lib/store/rollups/rollup-bucket";
import { MIN_REPEAT_MS, OPEN_PACE_FACTOR, PACE_FACTOR, RollupPacing } from "@/lib/store/rollups/rollup-pacing";

const T = 1_735_689_600_000_000_000n;
const bucket = (index: number) => ({ bucketStartNs: T + BigInt(index) * ROLLUP_BUCKET_NS, changes: 1n });

describe("RollupPacing", () => {
  it("newest_bucket_not_computed_lately_goes_first", () => {
    const pacing = new RollupPacing();
    expect(pacing.next([bucket(0), bucket(1), bucket(2)], 0)).toEqual(bucket(2));
    pacing.record(bucket(2).bucketStartNs, 10, 0);
    expect(pacing.next([bucket(0), bucket(1), bucket(2)], 1)).toEqual(bucket(1));
  });

  it.each([
    { name: "cheap_bucket_waits_the_minimum", costMs: 5, dueMs: MIN_REPEAT_MS },
    { name: "costly_bucket_waits_its_cost_times_the_factor", costMs: 400, dueMs: 400 * PACE_FACTOR },
    { name: "open_bucket_waits_its_cost_times_the_open_factor", costMs: 400, dueMs: 400 * OPEN_PACE_FACTOR, open: true },
  ])("$name", ({ costMs, dueMs, open }) => {
    const pacing = new RollupPacing();
    // Recorded after the bucket ended, or inside it (its first second) while it is open.
    const recordedMs = Number(bucket(open ? 0 : 1).bucketStartNs / 1_000_000n) + 1_000;
    pacing.record(bucket(0).bucketStartNs, costMs, recordedMs);
    expect(pacing.next([bucket(0)], recordedMs + dueMs - 1)).toBeUndefined();
    expect(pacing.next([bucket(0)], recordedMs + dueMs)).toEqual(bucket(0));
  });

  it("nothing_stale_gives_nothing", () => {
    expect(new RollupPacing().next([], 0)).toBeUndefined();
  });
});
