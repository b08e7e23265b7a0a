// bench:ui's flame graph row: frame times while wheel-zooming a big trace's flame graph in
// and out. One wheel event per animation frame, dispatched on the graph at a third of its
// width (the path a real wheel takes: the graph's non-passive listener, a React update, a
// canvas redraw), zooming in for ZOOM_PHASE_FRAMES frames, then out as many, for
// BENCH_UI_ZOOM_SECONDS; the requestAnimationFrame deltas give mean fps, p95 and frames
// over 20 ms. Target: above 50 fps.
import type { BrowserContext } from "@playwright/test";
import { positiveIntFromEnv } from "./env-int";
import { describeFrames, framesPerSecond } from "./frame-times";

const ZOOM_SECONDS = positiveIntFromEnv("BENCH_UI_ZOOM_SECONDS", 4);
/** Wheel pixels a frame: 60 px zooms by e^0.12, so a 60-frame phase spans a factor of about 1,300. */
const WHEEL_PX = 60;
const ZOOM_PHASE_FRAMES = 60;
const TARGET_FPS = 50;

interface ZoomFrames {
  deltas: number[];
  /** How far the last zoom-in phase got: the narrowest window over the whole trace's width. */
  deepestZoom: number;
}

/** In the page: wheel-zoom the flame graph for `seconds`, one event a frame, and note the frame times. */
function zoomFrames({ seconds, wheelPx, phaseFrames }: { seconds: number; wheelPx: number; phaseFrames: number }): Promise<ZoomFrames> {
  const graph = document.querySelector<HTMLElement>('[data-testid="flame-graph"]')!;
  const surface = graph.querySelector<HTMLElement>('[role="application"]')!;
  const box = surface.getBoundingClientRect();
  const windowWidth = () => Number(graph.dataset.windowEnd) - Number(graph.dataset.windowStart);
  const fullWidth = windowWidth();
  const deltas: number[] = [];
  let deepestZoom = 1;
  return new Promise((resolve) => {
    let last = 0;
    let first = 0;
    let frame = 0;
    const step = (now: number) => {
      if (last) deltas.push(now - last);
      else first = now;
      last = now;
      const zoomingIn = Math.floor(frame++ / phaseFrames) % 2 === 0;
      deepestZoom = Math.min(deepestZoom, windowWidth() / fullWidth);
      const init = { deltaY: zoomingIn ? -wheelPx : wheelPx, clientX: box.left + box.width / 3, clientY: box.top + 10, bubbles: true, cancelable: true };
      surface.dispatchEvent(new WheelEvent("wheel", init));
      if (now - first < seconds * 1000) requestAnimationFrame(step);
      else resolve({ deltas, deepestZoom });
    };
    requestAnimationFrame(step);
  });
}


/**
 * Opens `url` (a trace page on its flame graph tab) in `context`, zooms, and returns the
 * row to print and the target's verdict line.
 */
export async function benchFlameGraphZoom(context: BrowserContext, url: string, spans: number): Promise<{ row: string; target: string }> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.locator('[data-testid="flame-graph"][data-levels]').waitFor({ timeout: 120_000 });
    // Two frames, so the first paint is behind us.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const { deltas, deepestZoom } = await page.evaluate(zoomFrames, { seconds: ZOOM_SECONDS, wheelPx: WHEEL_PX, phaseFrames: ZOOM_PHASE_FRAMES });
    const fps = framesPerSecond(deltas);
    const count = spans.toLocaleString("en-US");
    return {
      row:
        `Wheel-zooming the ${count}-span flame graph in and out (to 1/${Math.round(1 / deepestZoom).toLocaleString("en-US")} of the trace): ${describeFrames(deltas)}`,
      target: `Target: zooming the ${count}-span flame graph at ${TARGET_FPS}+ fps: ${fps.toFixed(1)} fps ${fps > TARGET_FPS ? "MET" : "MISSED"}`,
    };
  } finally {
    await page.close();
  }
}
