/** The stretch of the trace the flame graph shows, in milliseconds from the trace's start. */
export interface FlameWindow {
  startMs: number;
  endMs: number;
}

/** The narrowest window, 100 ns: a zero-length span zoomed to still has a width to fill. */
export const MIN_WINDOW_MS = 1e-4;

export function fullWindow(totalMs: number): FlameWindow {
  return { startMs: 0, endMs: Math.max(totalMs, MIN_WINDOW_MS) };
}

export function isFullWindow(window: FlameWindow, totalMs: number): boolean {
  return window.startMs <= 0 && window.endMs >= totalMs;
}

/** A window at least MIN_WINDOW_MS wide, at most the whole trace, moved inside [0, totalMs] without changing its width. */
export function clampWindow(window: FlameWindow, totalMs: number): FlameWindow {
  const total = Math.max(totalMs, MIN_WINDOW_MS);
  const width = Math.min(total, Math.max(MIN_WINDOW_MS, window.endMs - window.startMs));
  const middle = (window.startMs + window.endMs) / 2;
  const startMs = Math.min(total - width, Math.max(0, middle - width / 2));
  return { startMs, endMs: startMs + width };
}

/** The window a span fills (clicked, or Enter): exactly its start to end, or the narrowest window centred on it. */
export function spanWindow(startMs: number, endMs: number, totalMs: number): FlameWindow {
  return clampWindow({ startMs, endMs: Math.max(endMs, startMs) }, totalMs);
}

/**
 * Zooms by `factor` (below 1 zooms in) keeping the time under the pointer in place:
 * `anchor` is the pointer's position as a fraction of the width.
 */
export function zoomAround(window: FlameWindow, anchor: number, factor: number, totalMs: number): FlameWindow {
  const width = window.endMs - window.startMs;
  const pinnedMs = window.startMs + anchor * width;
  const total = Math.max(totalMs, MIN_WINDOW_MS);
  const newWidth = Math.min(total, Math.max(MIN_WINDOW_MS, width * factor));
  const startMs = Math.min(total - newWidth, Math.max(0, pinnedMs - anchor * newWidth));
  return { startMs, endMs: startMs + newWidth };
}

/** Moves the window by `fraction` of its width (positive: later), stopping at the trace's ends. */
export function panBy(window: FlameWindow, fraction: number, totalMs: number): FlameWindow {
  const shift = fraction * (window.endMs - window.startMs);
  return clampWindow({ startMs: window.startMs + shift, endMs: window.endMs + shift }, totalMs);
}

/** The zoom factor of a wheel turn: 100 px of wheel scale the width by e^0.2, about 1.22; the other way by its inverse. */
export function wheelZoomFactor(deltaPx: number): number {
  return Math.exp(deltaPx * 0.002);
}

/** Pixel position of a time in the window drawn `widthPx` wide. */
export function xOfTime(ms: number, window: FlameWindow, widthPx: number): number {
  return ((ms - window.startMs) / (window.endMs - window.startMs)) * widthPx;
}

/** Time at a pixel position. */
export function timeOfX(x: number, window: FlameWindow, widthPx: number): number {
  return window.startMs + (x / widthPx) * (window.endMs - window.startMs);
}
