"use client";

import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { flushSync } from "react-dom";
import { rowWindow, scrollToReveal } from "@/lib/waterfall/row-window";

/**
 * Windowing for a scrolled list of fixed-height rows: which rows to render for the
 * container's scroll position and height. The rows are rendered synchronously in the
 * scroll event (browsers fire it at most once a frame), so new rows are there before
 * the frame is painted.
 */
export function useRowWindow(rowCount: number, rowHeight: number): {
  containerRef: RefObject<HTMLDivElement | null>;
  start: number;
  end: number;
  reveal(index: number): void;
} {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 600 });

  useLayoutEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const measure = () =>
      setViewport((old) =>
        old.top === element.scrollTop && old.height === element.clientHeight ? old : { top: element.scrollTop, height: element.clientHeight },
      );
    const onScroll = () => flushSync(measure);
    measure();
    element.addEventListener("scroll", onScroll, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      element.removeEventListener("scroll", onScroll);
      observer.disconnect();
    };
  }, []);

  const reveal = useCallback(
    (index: number) => {
      const element = containerRef.current;
      if (!element) return;
      const top = scrollToReveal(index, element.scrollTop, element.clientHeight, rowHeight);
      if (top !== null) element.scrollTop = top;
    },
    [rowHeight],
  );

  const { start, end } = rowWindow(viewport.top, viewport.height, rowHeight, rowCount);
  return { containerRef, start, end, reveal };
}
