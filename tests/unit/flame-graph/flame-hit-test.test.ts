import { describe, expect, it } from "vitest";
import { MIN_BAR_PX, rowAt } from "@/lib/flame-graph/flame-hit-test";
import { flameLayout } from "@/lib/flame-graph/flame-layout";
import { fullWindow } from "@/lib/flame-graph/flame-window";
import { timedRows } from "@/lib/waterfall/trace-critical-path";
import { CHECKOUT, fixtureTrace } from "../trace-statistics/trace-fixture";

// The checkout is 120 ms; drawn 1200 px wide, a millisecond is 10 px.
const trace = fixtureTrace([...CHECKOUT, { id: "instant", parent: "auth", from: 10, to: 10 }]);
const layout = flameLayout(timedRows(trace));
const idAt = (x: number, level: number, window = fullWindow(120)) => {
  const row = rowAt(layout, window, 1200, x, level);
  return row === null ? null : trace.spans[row].spanId;
};

describe("flame graph hit testing", () => {
  const cases: Array<{ name: string; x: number; level: number; id: string | null }> = [
    { name: "the root across the top line", x: 600, level: 0, id: "root" },
    { name: "a bar's first pixel", x: 50, level: 1, id: "auth" },
    { name: "a bar's last pixel", x: 200, level: 1, id: "auth" },
    { name: "the gap between two siblings", x: 210, level: 1, id: null },
    { name: "a child on the next line", x: 300, level: 2, id: "db" },
    { name: "the last child of the payment", x: 1000, level: 2, id: "gateway" },
    { name: "a zero-length span, drawn MIN_BAR_PX wide", x: 100 + MIN_BAR_PX / 2, level: 2, id: "instant" },
    { name: "past the zero-length span's drawn width", x: 100 + MIN_BAR_PX + 1, level: 2, id: null },
    { name: "below the last line", x: 600, level: 3, id: null },
    { name: "left of every bar", x: -5, level: 0, id: null },
  ];
  for (const { name, x, level, id } of cases) it(name, () => expect(idAt(x, level)).toBe(id));

  it("follows the zoom: in the window 20-60 ms, pixel 600 is 40 ms, inside the cart's load", () => {
    expect(idAt(600, 1, { startMs: 20, endMs: 60 })).toBe("cart");
    expect(idAt(0, 1, { startMs: 20, endMs: 60 })).toBe("auth");
  });
});
