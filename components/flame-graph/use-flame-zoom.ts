"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { fullWindow, panBy, spanWindow, wheelZoomFactor, zoomAround, type FlameWindow } from "@/lib/flame-graph/flame-window";
import type { WaterfallTrace } from "@/lib/waterfall/waterfall-trace";

/** Pixels a wheel "line" stands for (Firefox reports lines), so every browser zooms at the same speed. */
const WHEEL_LINE_PX = 16;

export interface FlameZoom {
  window: FlameWindow;
  /** The span the window was zoomed to by a click, Enter or the breadcrumb (null after a wheel zoom or a pan). */
  zoomedRow: number | null;
  zoomTo(row: number): void;
  /** One step out: to the zoomed span's parent, else the whole trace. */
  zoomOut(): void;
  reset(): void;
  /** Moves the window by a fraction of its width from where it was when `from` was taken (a drag). */
  panFrom(from: FlameWindow, fraction: number): void;
  show(window: FlameWindow): void;
}

/**
 * The flame graph's time window and its wheel gestures: the wheel zooms around the
 * pointer, shift+wheel or a sideways wheel pans. The listener is not passive, so the page
 * does not scroll while the graph zooms.
 */
export function useFlameZoom(trace: WaterfallTrace, surface: RefObject<HTMLElement | null>): FlameZoom {
  const total = trace.durationMs;
  const [state, setState] = useState<{ trace: WaterfallTrace; window: FlameWindow; zoomedRow: number | null }>(() => ({ trace, window: fullWindow(total), zoomedRow: null }));
  // Another trace (a second file dropped on the viewer) starts from its whole length.
  if (state.trace !== trace) setState({ trace, window: fullWindow(total), zoomedRow: null });

  useEffect(() => {
    const element = surface.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const scale = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? WHEEL_LINE_PX : 1;
      const box = element.getBoundingClientRect();
      const sideways = event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY);
      setState((old) => {
        if (sideways) return { trace, window: panBy(old.window, ((event.deltaX || event.deltaY) * scale) / box.width, total), zoomedRow: null };
        const anchor = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
        return { trace, window: zoomAround(old.window, anchor, wheelZoomFactor(event.deltaY * scale), total), zoomedRow: null };
      });
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [surface, trace, total]);

  const stateRef = useRef(state);
  stateRef.current = state;
  const zoomTo = useCallback(
    (row: number) => {
      const span = trace.spans[row];
      setState({ trace, window: spanWindow(span.startMs, span.startMs + span.durationMs, total), zoomedRow: row });
    },
    [trace, total],
  );
  const reset = useCallback(() => setState({ trace, window: fullWindow(total), zoomedRow: null }), [trace, total]);
  const zoomOut = useCallback(() => {
    const { zoomedRow } = stateRef.current;
    const parent = zoomedRow === null ? -1 : trace.parent[zoomedRow];
    if (parent >= 0) zoomTo(parent);
    else reset();
  }, [trace, zoomTo, reset]);
  const panFrom = useCallback((from: FlameWindow, fraction: number) => setState({ trace, window: panBy(from, fraction, total), zoomedRow: null }), [trace, total]);
  const show = useCallback((window: FlameWindow) => setState((old) => ({ ...old, window })), []);
  return { window: state.window, zoomedRow: state.zoomedRow, zoomTo, zoomOut, reset, panFrom, show };
}
