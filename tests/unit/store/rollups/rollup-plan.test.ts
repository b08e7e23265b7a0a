import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROLLUP_BUCKET_NS, rollupBucketOf } from "@/lib/store/rollups/rollup-bucket";
import { groupConsecutive, planRange } from "@/lib/store/rollups/rollup-plan";

const B = ROLLUP_BUCKET_NS;
const T = 1_735_689_600_000_000_000n; // a bucket start

describe("planRange", () => {
  it.each([
    { name: "aligned_range_is_all_roll_ups", from: T, to: T + 3n * B, rolledUp: { from: T, to: T + 3n * B }, live: [] },
    { name: "ragged_ends_are_live", from: T + 7n, to: T + 3n * B + 9n, rolledUp: { from: T + B, to: T + 3n * B }, live: [{ from: T + 7n, to: T + B }, { from: T + 3n * B, to: T + 3n * B + 9n }] },
    { name: "inside_one_bucket_is_live", from: T + 1n, to: T + B - 1n, rolledUp: null, live: [{ from: T + 1n, to: T + B - 1n }] },
    { name: "empty_range_reads_nothing", from: T + 5n, to: T + 5n, rolledUp: null, live: [] },
  ])("$name", ({ from, to, rolledUp, live }) => {
    expect(planRange({ from, to })).toEqual({ rolledUp, live });
  });

  it("without_roll_ups_everything_is_live", () => {
    expect(planRange({ from: T, to: T + 3n * B }, false)).toEqual({ rolledUp: null, live: [{ from: T, to: T + 3n * B }] });
  });
});

describe("groupConsecutive", () => {
  const buckets = (...indexes: number[]) => indexes.map((index) => ({ bucketStartNs: T + BigInt(index) * B }));
  it.each([
    { name: "gaps_split_groups", input: [0, 1, 2, 5, 6, 9], max: 12, sizes: [3, 2, 1] },
    { name: "long_runs_are_cut_at_the_maximum", input: [0, 1, 2, 3, 4], max: 2, sizes: [2, 2, 1] },
    { name: "nothing_gives_no_group", input: [], max: 12, sizes: [] },
  ])("$name", ({ input, max, sizes }) => {
    const groups = groupConsecutive(buckets(...input), max);
    expect(groups.map((group) => group.length)).toEqual(sizes);
    expect(groups.flat()).toEqual(buckets(...input));
  });
});

describe("roll-up bucket width", () => {
  it.each(["prisma/migrations/20261127000000_rollups/migration.sql", "prisma/postgresql/migrations/20261127000000_rollups/migration.sql"])(
    "the_triggers_of_%s_use_the_same_width",
    (file) => {
      const widths = new Set(readFileSync(file, "utf8").match(/\/ (\d+) \* \1/g)?.map((match) => match.split(" ")[1]));
      expect([...widths]).toEqual([ROLLUP_BUCKET_NS.toString()]);
    },
  );

  it("rollupBucketOf_floors_to_the_width", () => {
    expect([rollupBucketOf(T), rollupBucketOf(T + B - 1n), rollupBucketOf(T + B)]).toEqual([T, T, T + B]);
  });
});
