import { describe, expect, it } from "vitest";
import { niceStep, rulerTicks } from "@/lib/waterfall/ruler-ticks";
import { barPosition, FULL_VIEW, formatView, inView, normalizeView, parseView } from "@/lib/waterfall/time-scale";

describe("barPosition", () => {
  it.each([
    { name: "root over the whole trace", start: 0, duration: 100, view: FULL_VIEW, left: 0, width: 100 },
    { name: "child in the second half", start: 50, duration: 25, view: FULL_VIEW, left: 50, width: 25 },
    { name: "zoomed to the second half", start: 50, duration: 25, view: { start: 0.5, end: 1 }, left: 0, width: 50 },
    { name: "before the zoomed range", start: 10, duration: 10, view: { start: 0.5, end: 1 }, left: -80, width: 20 },
    { name: "zero-length span keeps a sliver", start: 30, duration: 0, view: FULL_VIEW, left: 30, width: 0.15 },
  ])("$name", ({ start, duration, view, left, width }) => {
    const bar = barPosition(start, duration, 100, view);
    expect(bar.leftPercent).toBeCloseTo(left, 9);
    expect(bar.widthPercent).toBeCloseTo(width, 9);
  });

  it("treats a zero-length trace as 1ms long instead of dividing by zero", () => {
    expect(barPosition(0, 0, 0, FULL_VIEW)).toEqual({ leftPercent: 0, widthPercent: 0.15 });
  });

  it.each([
    { name: "overlapping the start of the view", start: 40, duration: 20, expected: true },
    { name: "wholly before the view", start: 10, duration: 20, expected: false },
    { name: "wholly after the view", start: 80, duration: 5, expected: false },
  ])("inView: $name", ({ start, duration, expected }) => {
    expect(inView(start, duration, 100, { start: 0.5, end: 0.75 })).toBe(expected);
  });
});

describe("view ranges", () => {
  it.each([
    { name: "dragged right to left", a: 0.6, b: 0.2, expected: { start: 0.2, end: 0.6 } },
    { name: "past the edges", a: -0.5, b: 1.5, expected: { start: 0, end: 1 } },
    { name: "too narrow widens around the middle", a: 0.5, b: 0.5, expected: { start: 0.4995, end: 0.5005 } },
    { name: "too narrow at the right edge stays inside", a: 1, b: 1, expected: { start: 0.999, end: 1 } },
  ])("normalizeView: $name", ({ a, b, expected }) => {
    const view = normalizeView(a, b);
    expect(view.start).toBeCloseTo(expected.start, 9);
    expect(view.end).toBeCloseTo(expected.end, 9);
  });

  it.each([
    { name: "a range", text: "0.1-0.45", expected: { start: 0.1, end: 0.45 } },
    { name: "garbage", text: "<script>", expected: FULL_VIEW },
    { name: "absent", text: null, expected: FULL_VIEW },
  ])("parseView: $name", ({ text, expected }) => {
    expect(parseView(text)).toEqual(expected);
  });

  it("formats a zoom for the URL and leaves the full view out", () => {
    expect(formatView({ start: 0.12345678, end: 0.5 })).toBe("0.1235-0.5");
    expect(formatView(FULL_VIEW)).toBeNull();
    expect(parseView(formatView({ start: 0.25, end: 0.5 }))).toEqual({ start: 0.25, end: 0.5 });
  });
});

describe("ruler ticks", () => {
  it.each([
    { name: "100ms over 6 ticks", span: 100, max: 6, step: 20 },
    { name: "1s over 6 ticks", span: 1000, max: 6, step: 200 },
    { name: "3.7ms over 5 ticks", span: 3.7, max: 5, step: 1 },
    { name: "45µs over 6 ticks", span: 0.045, max: 6, step: 0.01 },
    { name: "exactly 5 intervals of 1", span: 5, max: 5, step: 1 },
  ])("niceStep: $name", ({ span, max, step }) => {
    expect(niceStep(span, max)).toBeCloseTo(step, 12);
  });

  it("puts ticks at round times from 0 to the end of an unzoomed trace", () => {
    expect(rulerTicks(100, FULL_VIEW, 5).map((tick) => [tick.ms, tick.percent])).toEqual([
      [0, 0],
      [20, 20],
      [40, 40],
      [60, 60],
      [80, 80],
      [100, 100],
    ]);
  });

  it("starts at the first round time inside a zoomed range and places it relative to the view", () => {
    const ticks = rulerTicks(1000, { start: 0.33, end: 0.66 }, 6);
    // 330ms in at most 6 intervals: 50ms would make 6.6 of them, so 100ms.
    expect(ticks.map((tick) => tick.ms)).toEqual([400, 500, 600]);
    expect(ticks[0].percent).toBeCloseTo(((400 - 330) / 330) * 100, 9);
  });

  it("does not drift on fractional steps", () => {
    const ticks = rulerTicks(0.3, FULL_VIEW, 3);
    expect(ticks.map((tick) => tick.ms)).toEqual([0, 0.1, 0.2, 0.30000000000000004]);
  });
});
