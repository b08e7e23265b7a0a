import { describe, expect, it } from "vitest";
import {
  clampWindow,
  fullWindow,
  isFullWindow,
  MIN_WINDOW_MS,
  panBy,
  spanWindow,
  timeOfX,
  wheelZoomFactor,
  xOfTime,
  zoomAround,
  type FlameWindow,
} from "@/lib/flame-graph/flame-window";

const TOTAL = 1000;
const w = (startMs: number, endMs: number): FlameWindow => ({ startMs, endMs });

describe("flame window maths", () => {
  const zooms: Array<{ name: string; from: FlameWindow; anchor: number; factor: number; to: FlameWindow }> = [
    { name: "zooming in at the middle keeps the middle", from: w(0, 1000), anchor: 0.5, factor: 0.5, to: w(250, 750) },
    { name: "zooming in at the left edge keeps the left edge", from: w(0, 1000), anchor: 0, factor: 0.1, to: w(0, 100) },
    { name: "zooming in at a quarter keeps the time under the pointer", from: w(200, 600), anchor: 0.25, factor: 0.5, to: w(250, 450) },
    { name: "zooming out is stopped at the trace's start", from: w(0, 100), anchor: 0.5, factor: 4, to: w(0, 400) },
    { name: "zooming out is stopped at the trace's end", from: w(900, 1000), anchor: 0.9, factor: 3, to: w(700, 1000) },
    { name: "zooming out never goes past the whole trace", from: w(100, 600), anchor: 0.5, factor: 10, to: w(0, 1000) },
    { name: "zooming in stops at the narrowest window", from: w(500, 500.001), anchor: 0.5, factor: 0.01, to: w(500.0005 - MIN_WINDOW_MS / 2, 500.0005 + MIN_WINDOW_MS / 2) },
  ];
  for (const { name, from, anchor, factor, to } of zooms)
    it(name, () => {
      const zoomed = zoomAround(from, anchor, factor, TOTAL);
      expect(zoomed.startMs).toBeCloseTo(to.startMs, 9);
      expect(zoomed.endMs).toBeCloseTo(to.endMs, 9);
    });

  it("pans by a fraction of the width and stops at either end", () => {
    expect(panBy(w(100, 300), 0.5, TOTAL)).toEqual(w(200, 400));
    expect(panBy(w(100, 300), -1, TOTAL)).toEqual(w(0, 200));
    expect(panBy(w(700, 900), 2, TOTAL)).toEqual(w(800, 1000));
  });

  it("a span fills the window; a zero-length span gets the narrowest window around it", () => {
    expect(spanWindow(120, 480, TOTAL)).toEqual(w(120, 480));
    const zero = spanWindow(50, 50, TOTAL);
    expect(zero.endMs - zero.startMs).toBeCloseTo(MIN_WINDOW_MS, 12);
    expect((zero.startMs + zero.endMs) / 2).toBeCloseTo(50, 9);
    // At the trace's start it is moved inside the trace.
    expect(spanWindow(0, 0, TOTAL).startMs).toBe(0);
  });

  it("clamps windows into the trace", () => {
    expect(clampWindow(w(-50, 150), TOTAL)).toEqual(w(0, 200));
    expect(clampWindow(w(-50, 5000), TOTAL)).toEqual(w(0, 1000));
    expect(fullWindow(0)).toEqual(w(0, MIN_WINDOW_MS));
    expect(isFullWindow(fullWindow(TOTAL), TOTAL)).toBe(true);
    expect(isFullWindow(w(1, 1000), TOTAL)).toBe(false);
  });

  it("maps times to pixels and back", () => {
    expect(xOfTime(300, w(200, 600), 800)).toBe(200);
    expect(timeOfX(200, w(200, 600), 800)).toBe(300);
    expect(xOfTime(100, w(200, 600), 800)).toBe(-200);
  });

  it("a wheel turn and the opposite turn cancel out", () => {
    expect(wheelZoomFactor(100)).toBeGreaterThan(1);
    expect(wheelZoomFactor(-100)).toBeLessThan(1);
    expect(wheelZoomFactor(100) * wheelZoomFactor(-100)).toBeCloseTo(1, 12);
  });
});
