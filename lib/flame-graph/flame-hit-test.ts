import type { FlameLayout } from "./flame-layout";
import { xOfTime, type FlameWindow } from "./flame-window";

/** Bars are drawn at least this wide, so zero-length and tiny spans can be seen and clicked. */
export const MIN_BAR_PX = 2;

/** Where a bar is drawn: from its start to its end, at least MIN_BAR_PX wide. */
export function barExtent(layout: FlameLayout, row: number, window: FlameWindow, widthPx: number): { x: number; width: number } {
  const x = xOfTime(layout.startMs[row], window, widthPx);
  return { x, width: Math.max(MIN_BAR_PX, xOfTime(layout.endMs[row], window, widthPx) - x) };
}

/** The index in `line` of its last bar starting at or before `ms` (-1 when none does); lines are by start time. */
export function lastStartingBy(layout: FlameLayout, line: Int32Array, ms: number): number {
  let low = 0;
  let high = line.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (layout.startMs[line[middle]] <= ms) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/**
 * The row whose bar is under pixel `x` on line `level`, or null: a binary search on the
 * line, then the bar found and the one before it (a bar widened to MIN_BAR_PX may reach
 * past its end).
 */
export function rowAt(layout: FlameLayout, window: FlameWindow, widthPx: number, x: number, level: number): number | null {
  const line = layout.rowsOfLevel[level];
  if (!line || widthPx <= 0) return null;
  const at = lastStartingBy(layout, line, window.startMs + (x / widthPx) * (window.endMs - window.startMs));
  for (let index = at; index >= Math.max(0, at - 1); index--) {
    const bar = barExtent(layout, line[index], window, widthPx);
    if (x >= bar.x && x <= bar.x + bar.width) return line[index];
  }
  return null;
}
