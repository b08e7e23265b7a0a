import { describe, expect, it } from "vitest";
import { createRandom } from "@/scripts/demo/random";

const draw = (seed: string | number, n = 20) => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.uint32());
};

describe("createRandom: determinism", () => {
  it("sameSeed_sameStream", () => {
    expect(draw("shop")).toEqual(draw("shop"));
  });

  it("numberAndItsDigits_sameStream", () => {
    expect(draw(42)).toEqual(draw("42"));
  });

  it.each([
    ["adjacentNumbers", "1", "2"],
    ["caseMatters", "Shop", "shop"],
    ["emptyVersusSpace", "", " "],
  ])("differentSeeds_%s", (_name, a, b) => {
    expect(draw(a)).not.toEqual(draw(b));
  });

  it("fork_dependsOnSeedAndLabelOnly", () => {
    const fresh = createRandom(7);
    const used = createRandom(7);
    for (let i = 0; i < 100; i++) used.next();
    const a = fresh.fork("run/3");
    const b = used.fork("run/3");
    expect(Array.from({ length: 10 }, () => a.uint32())).toEqual(Array.from({ length: 10 }, () => b.uint32()));
    expect(fresh.fork("run/3").seed).toBe("7/run/3");
  });

  it("fork_differentLabels_differentStreams", () => {
    const random = createRandom(7);
    expect(random.fork("a").uint32()).not.toBe(random.fork("b").uint32());
  });
});

describe("createRandom: ranges", () => {
  const random = createRandom("ranges");

  it("next_inUnitInterval", () => {
    const values = Array.from({ length: 10_000 }, () => random.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });

  it("int_inclusiveBothEnds_everyValueSeen", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) seen.add(random.int(3, 8));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it.each([
    ["maxBelowMin", 5, 4],
    ["fractionalMin", 0.5, 4],
    ["fractionalMax", 0, 4.5],
  ])("int_rejects_%s", (_name, min, max) => {
    expect(() => random.int(min, max)).toThrow(RangeError);
  });

  it("hex_lengthAndAlphabet", () => {
    for (const bytes of [1, 4, 6, 8, 16]) expect(random.hex(bytes)).toMatch(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
  });

  it("weighted_followsWeights", () => {
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[random.weighted([["a", 1], ["b", 3], ["c", 0]] as const)]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
  });

  it("logNormal_medianNearTheGivenMedian", () => {
    const values = Array.from({ length: 5_001 }, () => random.logNormal(10, 0.5)).sort((x, y) => x - y);
    expect(values[2_500]).toBeGreaterThan(9.3);
    expect(values[2_500]).toBeLessThan(10.7);
    expect(values[0]).toBeGreaterThan(0);
  });

  it("pick_emptyList_throws", () => {
    expect(() => random.pick([])).toThrow(RangeError);
  });
});
