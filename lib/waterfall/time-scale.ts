/** The part of the trace in view, as fractions of its duration: [0, 1] is the whole trace. */
export interface ViewRange {
  start: number;
  end: number;
}

export const FULL_VIEW: ViewRange = { start: 0, end: 1 };
/** The narrowest zoom: a thousandth of the trace. */
export const MIN_VIEW_WIDTH = 0.001;

export interface BarPosition {
  /** Percent of the timeline's width from its left edge (may be negative or past 100 when zoomed). */
  leftPercent: number;
  /** At least a sliver, so zero-length spans stay visible. */
  widthPercent: number;
}

const MIN_BAR_PERCENT = 0.15;

/** Where a span's bar sits on the timeline for the viewed range (times in ms from the trace start). */
export function barPosition(startMs: number, durationMs: number, traceDurationMs: number, view: ViewRange): BarPosition {
  const total = traceDurationMs > 0 ? traceDurationMs : 1;
  const width = view.end - view.start;
  const left = (startMs / total - view.start) / width;
  const span = durationMs / total / width;
  return { leftPercent: left * 100, widthPercent: Math.max(span * 100, MIN_BAR_PERCENT) };
}

/** Whether any of [startMs, startMs + durationMs] is inside the viewed range. */
export function inView(startMs: number, durationMs: number, traceDurationMs: number, view: ViewRange): boolean {
  const total = traceDurationMs > 0 ? traceDurationMs : 1;
  return (startMs + durationMs) / total >= view.start && startMs / total <= view.end;
}

/** A dragged or typed range, ordered, clamped to [0, 1] and at least MIN_VIEW_WIDTH wide. */
export function normalizeView(a: number, b: number): ViewRange {
  let start = Math.max(0, Math.min(a, b, 1));
  let end = Math.min(1, Math.max(a, b, 0));
  if (end - start < MIN_VIEW_WIDTH) {
    const middle = (start + end) / 2;
    start = Math.max(0, Math.min(middle - MIN_VIEW_WIDTH / 2, 1 - MIN_VIEW_WIDTH));
    end = start + MIN_VIEW_WIDTH;
  }
  return { start, end };
}

/** `0.1-0.45` in the URL; anything unreadable is the full view. */
export function parseView(text: string | null): ViewRange {
  const match = text?.match(/^(\d*\.?\d+)-(\d*\.?\d+)$/);
  if (!match) return FULL_VIEW;
  return normalizeView(Number(match[1]), Number(match[2]));
}

export function formatView(view: ViewRange): string | null {
  if (view.start <= 0 && view.end >= 1) return null;
  return `${round(view.start)}-${round(view.end)}`;
}

function round(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}
