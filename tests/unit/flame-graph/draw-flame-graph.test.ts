import { describe, expect, it } from "vitest";
import { drawFlameGraph, fittedLabel, type FlameCanvas, type FlamePaint } from "@/lib/flame-graph/draw-flame-graph";
import { flameLayout } from "@/lib/flame-graph/flame-layout";
import { fullWindow } from "@/lib/flame-graph/flame-window";
import { timedRows } from "@/lib/waterfall/trace-critical-path";
import type { WaterfallTrace } from "@/lib/waterfall/waterfall-trace";
import { CHECKOUT, fixtureTrace, type FixtureSpan } from "../trace-statistics/trace-fixture";

interface Call {
  op: "fill" | "stroke" | "text";
  x: number;
  y: number;
  width?: number;
  style: string;
  alpha: number;
  text?: string;
}

/** A canvas context that records what was painted, with the style and alpha in force. */
function recordingCanvas(): FlameCanvas & { calls: Call[] } {
  const calls: Call[] = [];
  const canvas = {
    calls,
    fillStyle: "",
    strokeStyle: "",
    globalAlpha: 1,
    lineWidth: 1,
    font: "",
    clearRect() {},
    fillRect(x: number, y: number, width: number) {
      calls.push({ op: "fill", x, y, width, style: String(canvas.fillStyle), alpha: canvas.globalAlpha });
    },
    strokeRect(x: number, y: number, width: number) {
      calls.push({ op: "stroke", x, y, width, style: String(canvas.strokeStyle), alpha: canvas.globalAlpha });
    },
    fillText(text: string, x: number, y: number) {
      calls.push({ op: "text", x, y, text, style: String(canvas.fillStyle), alpha: canvas.globalAlpha });
    },
  };
  return canvas as unknown as FlameCanvas & { calls: Call[] };
}

function paintOf(trace: WaterfallTrace, overrides: Partial<FlamePaint> = {}): FlamePaint {
  return {
    layout: flameLayout(timedRows(trace)),
    window: fullWindow(trace.durationMs),
    widthPx: 1200,
    heightPx: 400,
    scrollTop: 0,
    lineHeight: 20,
    colors: trace.spans.map((span) => `color-${span.spanId}`),
    labels: trace.spans.map((span) => span.name),
    errors: new Uint8Array(trace.spans.length),
    selectedRow: null,
    matches: null,
    critical: null,
    charWidthPx: 6,
    ink: { label: "label", selected: "selected", critical: "critical", error: "error" },
    ...overrides,
  };
}

const checkout = fixtureTrace(CHECKOUT);
const rowOf = (id: string) => checkout.spans.findIndex((span) => span.spanId === id);
const bar = (calls: Call[], id: string) => calls.find((call) => call.op === "fill" && call.style === `color-${id}`);

describe("drawFlameGraph", () => {
  it("draws each span at its time and line, labelled when the name fits", () => {
    const canvas = recordingCanvas();
    expect(drawFlameGraph(canvas, paintOf(checkout)).bars).toBe(7);
    // 120 ms over 1200 px: cart (22-60 ms) is at x 220, 380 px wide, on line 1.
    expect(bar(canvas.calls, "cart")).toMatchObject({ x: expect.closeTo(220, 6), y: 20, width: expect.closeTo(380, 6), alpha: 1 });
    expect(canvas.calls.filter((call) => call.op === "text").map((call) => call.text)).toContain("SELECT cart_items");
  });

  it("dims the spans find did not match and outlines the selected one", () => {
    const canvas = recordingCanvas();
    drawFlameGraph(canvas, paintOf(checkout, { matches: new Set([rowOf("db")]), selectedRow: rowOf("pay") }));
    expect(bar(canvas.calls, "db")?.alpha).toBe(1);
    expect(bar(canvas.calls, "root")?.alpha).toBeLessThan(0.5);
    expect(canvas.calls.filter((call) => call.op === "stroke" && call.style === "selected")).toEqual([expect.objectContaining({ x: expect.closeTo(621, 6), alpha: 1 })]);
  });

  it("marks the critical path's sections along the bars", () => {
    const canvas = recordingCanvas();
    const critical = new Map([[rowOf("cart"), [{ row: rowOf("cart"), startMs: 55, endMs: 60 }]]]);
    drawFlameGraph(canvas, paintOf(checkout, { critical }));
    expect(canvas.calls.filter((call) => call.style === "critical")).toEqual([expect.objectContaining({ x: expect.closeTo(550, 6), width: expect.closeTo(50, 6) })]);
  });

  it("draws only the lines scrolled into view and the bars inside the zoomed window", () => {
    const canvas = recordingCanvas();
    drawFlameGraph(canvas, paintOf(checkout, { scrollTop: 40, heightPx: 20, window: { startMs: 60, endMs: 120 } }));
    const drawn = canvas.calls.filter((call) => call.op === "fill").map((call) => call.style);
    expect(drawn.sort()).toEqual(["color-fraud", "color-gateway"]);
  });

  it("paints a pixel once however many sub-pixel spans fall on it", () => {
    // 10,000 back-to-back 1 ms children under one root, drawn 1,000 px wide: ten per pixel, so at most one per pixel
    // (1,001 pixel columns, counting both edges) and the root.
    const spans: FixtureSpan[] = [{ id: "root", from: 0, to: 10_000 }];
    for (let i = 0; i < 10_000; i++) spans.push({ id: `c${i}`, parent: "root", from: i, to: i + 1 });
    const trace = fixtureTrace(spans);
    const { bars } = drawFlameGraph(recordingCanvas(), paintOf(trace, { widthPx: 1000 }));
    expect(bars).toBeLessThanOrEqual(1 + 1001);
    expect(bars).toBeGreaterThan(300);
    // A found or selected span is painted even where a neighbour already took its pixel.
    const canvas = recordingCanvas();
    const row = (id: string) => trace.spans.findIndex((span) => span.spanId === id);
    drawFlameGraph(canvas, paintOf(trace, { widthPx: 1000, matches: new Set([row("c4005")]), selectedRow: row("c7003") }));
    expect(bar(canvas.calls, "c4005")).toMatchObject({ alpha: 1 });
    expect(bar(canvas.calls, "c7003")).toBeDefined();
    expect(canvas.calls.filter((call) => call.op === "stroke" && call.style === "selected")).toHaveLength(1);
  });
});

describe("fittedLabel", () => {
  const cases: Array<{ label: string; room: number; text: string | null }> = [
    { label: "GET /checkout", room: 100, text: "GET /checkout" },
    { label: "GET /checkout", room: 48, text: "GET /ch…" },
    { label: "GET /checkout", room: 17, text: null },
  ];
  for (const { label, room, text } of cases) it(`${label} in ${room}px`, () => expect(fittedLabel(label, room, 6)).toBe(text));
});
