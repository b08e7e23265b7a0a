import type { CriticalSection } from "@/lib/waterfall/critical-path";
import { barExtent, lastStartingBy } from "./flame-hit-test";
import type { FlameLayout } from "./flame-layout";
import { xOfTime, type FlameWindow } from "./flame-window";

/** What of a 2D canvas context the flame graph draws with (a fake stands in for it in tests). */
export type FlameCanvas = Pick<CanvasRenderingContext2D, "clearRect" | "fillRect" | "strokeRect" | "fillText" | "fillStyle" | "strokeStyle" | "globalAlpha" | "lineWidth" | "font">;

export interface FlamePaint {
  layout: FlameLayout;
  window: FlameWindow;
  widthPx: number;
  heightPx: number;
  /** Pixels the graph is scrolled down by: the first line drawn is the one at this height. */
  scrollTop: number;
  lineHeight: number;
  /** Per row: the bar's colour (the service's), its label, whether it failed. */
  colors: readonly string[];
  labels: readonly string[];
  errors: Uint8Array;
  selectedRow: number | null;
  /** Find-in-trace matches (the others are dimmed), or null when nothing is searched. */
  matches: ReadonlySet<number> | null;
  /** Each span's stretches of the critical path when it is shown, marked by a band along the bar's foot. */
  critical: ReadonlyMap<number, readonly CriticalSection[]> | null;
  /** Average width of a label character at the label font, to cut labels to their bar without measuring each. */
  charWidthPx: number;
  ink: { label: string; selected: string; critical: string; error: string };
}

export const LABEL_FONT = "11px ui-sans-serif, system-ui, sans-serif";
const LABEL_PADDING_PX = 4;
const MIN_LABEL_CHARS = 3;
const DIMMED_ALPHA = 0.22;
const CRITICAL_BAND_PX = 4;

/**
 * Paints the lines in view. Per line, a binary search finds the first bar in the window;
 * bars under a pixel wide that fall on the pixel just painted are skipped (unless selected
 * or found, which must show), so a paint costs about (lines in view) x (width in pixels),
 * whatever the trace's size.
 */
export function drawFlameGraph(context: FlameCanvas, paint: FlamePaint): { bars: number } {
  const { layout, window, widthPx, heightPx, scrollTop, lineHeight, matches } = paint;
  context.clearRect(0, 0, widthPx, heightPx);
  context.font = LABEL_FONT;
  const firstLine = Math.max(0, Math.floor(scrollTop / lineHeight));
  const lastLine = Math.min(layout.levels - 1, Math.floor((scrollTop + heightPx) / lineHeight));
  let bars = 0;
  for (let level = firstLine; level <= lastLine; level++) {
    const line = layout.rowsOfLevel[level];
    const top = level * lineHeight - scrollTop;
    let paintedUntil = -Infinity;
    // Bars on a line do not overlap, so the first one ending in the window is at or just after the last one starting before it.
    for (let index = Math.max(0, lastStartingBy(layout, line, window.startMs)); index < line.length; index++) {
      const row = line[index];
      if (layout.startMs[row] > window.endMs) break;
      if (layout.endMs[row] < window.startMs) continue;
      const bar = barExtent(layout, row, window, widthPx);
      if (bar.x + bar.width <= paintedUntil && row !== paint.selectedRow && !matches?.has(row)) continue;
      paintedUntil = Math.ceil(bar.x + bar.width);
      drawBar(context, paint, row, Math.max(bar.x, -1), Math.min(bar.x + bar.width, widthPx + 1), top, matches !== null && !matches.has(row));
      bars++;
    }
  }
  context.globalAlpha = 1;
  return { bars };
}

function drawBar(context: FlameCanvas, paint: FlamePaint, row: number, left: number, right: number, top: number, dimmed: boolean) {
  const { lineHeight, ink } = paint;
  const width = right - left;
  const height = lineHeight - 1;
  context.globalAlpha = dimmed ? DIMMED_ALPHA : 1;
  context.fillStyle = paint.colors[row];
  context.fillRect(left, top, width, height);
  const sections = paint.critical?.get(row);
  if (sections) {
    context.fillStyle = ink.critical;
    for (const section of sections) {
      const from = Math.max(left, xOfTime(section.startMs, paint.window, paint.widthPx));
      const to = Math.min(right, xOfTime(section.endMs, paint.window, paint.widthPx));
      if (to > from) context.fillRect(from, top + height - CRITICAL_BAND_PX, Math.max(1, to - from), CRITICAL_BAND_PX);
    }
  }
  if (paint.errors[row] && width > 3) {
    context.strokeStyle = ink.error;
    context.lineWidth = 1;
    context.strokeRect(left + 0.5, top + 0.5, width - 1, height - 1);
  }
  if (row === paint.selectedRow) {
    context.globalAlpha = 1;
    context.strokeStyle = ink.selected;
    context.lineWidth = 2;
    context.strokeRect(left + 1, top + 1, Math.max(width - 2, 1), height - 2);
  }
  const label = fittedLabel(paint.labels[row], width - 2 * LABEL_PADDING_PX, paint.charWidthPx);
  if (label) {
    context.fillStyle = ink.label;
    context.fillText(label, Math.max(left, 0) + LABEL_PADDING_PX, top + height / 2 + 4);
  }
}

/** The label cut to the room it has ("…" for what is left out), or null when not even a few characters fit. */
export function fittedLabel(label: string, roomPx: number, charWidthPx: number): string | null {
  const fits = Math.floor(roomPx / charWidthPx);
  if (fits >= label.length) return label;
  if (fits < MIN_LABEL_CHARS) return null;
  return `${label.slice(0, fits - 1)}…`;
}
