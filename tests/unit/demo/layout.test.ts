import { describe, expect, it } from "vitest";
import { layoutPlan, traceExtent } from "@/scripts/demo/layout";
import { span, type NodeSpec, type Plan, type PlanNode } from "@/scripts/demo/plan";

const leaf = (name: string, ns: number, extra: Partial<NodeSpec> = {}): PlanNode =>
  span({ service: "checkout", scope: "test", name, after: ns, ...extra });
const node = (name: string, extra: Partial<NodeSpec>, children: PlanNode[]): PlanNode =>
  span({ service: "checkout", scope: "test", name, ...extra }, children);
const plan = (root: PlanNode, extra: Partial<Plan> = {}): Plan => ({ scenario: "test", traces: [{ root, delay: 0 }], ...extra });

describe("layoutPlan", () => {
  it("sequentialChildren_oneAfterAnother", () => {
    const a = leaf("a", 10, { delay: 1 });
    const b = leaf("b", 20, { delay: 2 });
    const root = node("root", { before: 5, after: 7 }, [a, b]);
    const { times, extent } = layoutPlan(plan(root));
    expect(times.get(a)).toEqual({ start: 6, end: 16 });
    expect(times.get(b)).toEqual({ start: 18, end: 38 });
    expect(times.get(root)).toEqual({ start: 0, end: 45 });
    expect(extent).toBe(45);
  });

  it("unlimitedConcurrency_allStartTogether_parentWaitsForTheLongest", () => {
    const a = leaf("a", 10);
    const b = leaf("b", 30);
    const root = node("root", { concurrency: Infinity }, [a, b]);
    const { times } = layoutPlan(plan(root));
    expect(times.get(a)!.start).toBe(0);
    expect(times.get(b)!.start).toBe(0);
    expect(times.get(root)!.end).toBe(30);
  });

  it("twoLanes_nextChildTakesTheFirstFreeLane", () => {
    const [a, b, c] = [leaf("a", 10), leaf("b", 30), leaf("c", 10)];
    const root = node("root", { concurrency: 2 }, [a, b, c]);
    const { times } = layoutPlan(plan(root));
    expect(times.get(c)).toEqual({ start: 10, end: 20 });
    expect(times.get(root)!.end).toBe(30);
  });

  it("detachedChild_startsAtTheCursor_neitherWaitsNorIsAwaited", () => {
    const first = leaf("first", 10);
    const background = leaf("background", 1_000, { detached: true, delay: 5 });
    const last = leaf("last", 10);
    const root = node("root", {}, [first, background, last]);
    const { times, extent } = layoutPlan(plan(root));
    expect(times.get(background)).toEqual({ start: 15, end: 1_015 });
    expect(times.get(last)).toEqual({ start: 10, end: 20 });
    expect(times.get(root)!.end).toBe(20);
    expect(extent).toBe(1_015);
  });

  it("followingTrace_startsAfterTheSpanItFollows", () => {
    const producer = leaf("producer", 10, { delay: 4 });
    const first = node("root", {}, [producer]);
    const consumer = leaf("consumer", 50);
    const { times } = layoutPlan({
      scenario: "test",
      traces: [
        { root: first, delay: 0 },
        { root: consumer, follows: producer, delay: 100 },
      ],
    });
    expect(times.get(consumer)).toEqual({ start: 114, end: 164 });
  });

  it.each([10, 25, 50])("slowFactor_%ix_stretchesTheTraceAboutThatMuch", (factor) => {
    const lock = leaf("lock", 2_000);
    const root = node("root", { before: 1_000, after: 1_000 }, [lock, leaf("rest", 6_000)]);
    const p = plan(root, { bottleneck: lock });
    const normal = traceExtent(layoutPlan(p), root);
    const slow = traceExtent(layoutPlan(p, factor), root);
    expect(slow / normal).toBeCloseTo(factor, 5);
  });

  it("slowFactorWithoutBottleneck_unchanged", () => {
    const root = node("root", { after: 10 }, [leaf("a", 10)]);
    expect(layoutPlan(plan(root), 20).extent).toBe(20);
  });
});
