"use client";

import { useEffect, useRef, useState, type PointerEvent } from "react";
import { serviceColor } from "@/lib/client/service-color";
import { normalizeView, type ViewRange } from "@/lib/waterfall/time-scale";
import type { WaterfallTrace } from "@/lib/waterfall/waterfall-trace";

const HEIGHT = 56;
/** A press that moves less than this (fraction of the width) is a click, not a drag. */
const CLICK_TOLERANCE = 0.004;

/**
 * The whole trace in miniature (one line per span, drawn on a canvas so 50,000 spans
 * cost one paint), with the viewed range framed. Drag across it to zoom to that range;
 * a click outside the frame resets the zoom.
 */
export function Minimap({ trace, view, onViewChange }: { trace: WaterfallTrace; view: ViewRange; onViewChange(view: ViewRange): void }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(() => setWidth(canvas.clientWidth));
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(HEIGHT * ratio);
    const context = canvas.getContext("2d");
    if (!context) return;
    context.scale(ratio, ratio);
    context.clearRect(0, 0, width, HEIGHT);
    const { spans, durationMs } = trace;
    const total = durationMs > 0 ? durationMs : 1;
    const rowHeight = Math.max(HEIGHT / Math.max(spans.length, 1), 0.5);
    // Setting fillStyle parses the colour: set it only when it changes (a 200,000-span trace drew in 450 ms, most of it there).
    const colorOf = new Map<string, string>();
    let color = "";
    for (let row = 0; row < spans.length; row++) {
      const span = spans[row];
      let next = span.status === "error" ? "#dc2626" : colorOf.get(span.service);
      if (next === undefined) colorOf.set(span.service, (next = serviceColor(span.service)));
      if (next !== color) context.fillStyle = color = next;
      context.fillRect((span.startMs / total) * width, (row / spans.length) * HEIGHT, Math.max((span.durationMs / total) * width, 1), Math.max(rowHeight, 1));
    }
  }, [trace, width]);

  const fraction = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
  };
  const shown = drag ? normalizeView(drag.from, drag.to) : view;

  return (
    <div
      data-testid="minimap"
      className="relative cursor-crosshair select-none overflow-hidden rounded border border-zinc-200 bg-white touch-none dark:border-zinc-800 dark:bg-zinc-900"
      style={{ height: HEIGHT }}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        const at = fraction(event);
        setDrag({ from: at, to: at });
      }}
      onPointerMove={(event) => drag && setDrag({ from: drag.from, to: fraction(event) })}
      onPointerUp={(event) => {
        if (!drag) return;
        const to = fraction(event);
        setDrag(null);
        if (Math.abs(to - drag.from) > CLICK_TOLERANCE) onViewChange(normalizeView(drag.from, to));
        else if (to < view.start || to > view.end) onViewChange(normalizeView(0, 1));
      }}
      onPointerCancel={() => setDrag(null)}
    >
      <canvas ref={canvasRef} className="absolute inset-0 h-full w-full opacity-80" aria-hidden />
      <div className="absolute inset-y-0 left-0 bg-zinc-500/25" style={{ width: `${shown.start * 100}%` }} />
      <div className="absolute inset-y-0 right-0 bg-zinc-500/25" style={{ width: `${(1 - shown.end) * 100}%` }} />
      <div
        data-testid="minimap-frame"
        className="absolute inset-y-0 border-x-2 border-sky-500"
        style={{ left: `${shown.start * 100}%`, width: `${(shown.end - shown.start) * 100}%` }}
      />
    </div>
  );
}
