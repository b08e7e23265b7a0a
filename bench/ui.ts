// Trace detail page benchmark (`npm run bench:ui`): in headless Chromium against the
// production build, the time from navigation to the first rendered waterfall rows for
// traces of 1,000, 10,000 and 50,000 spans, and the frame times while scrolling the
// 10,000-span one.
//
// Set-up: a freshly migrated SQLite database, `next start` (rebuilt first when a source
// is newer than the build), and the three traces posted through OTLP/HTTP JSON (a
// realistic fan-out tree: 4 children per span, 8 services, a few attributes each, an
// event on every 10th span). Chromium is Playwright's API over Debian's /usr/bin/chromium
// with the launch flags of playwright.config.ts.
//
// Per trace size, after one warm-up load: BENCH_UI_RUNS fresh navigations. A script
// injected before the page runs notes, from the navigation start (performance.now()):
// "rows" when the first waterfall row enters the DOM and "interactive" at the first task
// after the next animation frame (painted, and the main thread free to take a click);
// the resource timing of the detail API call tells how much of it was the server and
// the transfer. Medians and maxima are printed.
//
// Scrolling: the 10,000-span waterfall is scrolled by BENCH_UI_SCROLL_PX per animation
// frame for up to BENCH_UI_SCROLL_SECONDS; the requestAnimationFrame deltas give the
// frame times (mean fps, p95, longest, frames over 20 ms). Zooming: the same trace's flame
// graph, wheel-zoomed in and out (bench/lib/ui-flame-graph.ts, BENCH_UI_ZOOM_SECONDS).
//
// A 200,000-span trace (bench/lib/ui-big-trace.ts): first rows, scrolling fps and the
// page's JS heap (targets < 2 s, 50+ fps, < 500 MB).
//
// The trace statistics of the 10,000- and 200,000-span traces (bench/lib/ui-statistics.ts:
// shown, re-sorted, regrouped) and following span links both ways from a producer span
// linked from 50 traces (bench/lib/ui-span-links.ts).
//
// Targets: 10,000 spans interactive in under 1.5 s; scrolling at 50+ fps. A benchmark,
// not a test: it exits 0 whatever the figures, 1 only when the set-up fails.
//
// Environment: BENCH_UI_PORT (3112), BENCH_UI_RUNS (5), BENCH_UI_SCROLL_PX (84),
// BENCH_UI_SCROLL_SECONDS (4).
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "@playwright/test";
import playwrightConfig from "../playwright.config";
import { positiveIntFromEnv } from "./lib/env-int";
import { describeFrames, framesPerSecond, median } from "./lib/frame-times";
import { benchFlameGraphZoom } from "./lib/ui-flame-graph";
import { BIG_TRACE_SPANS, benchBigTrace, seedBigTrace } from "./lib/ui-big-trace";
import { machineDescription } from "./lib/report.mjs";
import { benchSpans, seedSpans } from "./lib/ui-bench-spans";
import { ensureProductionBuild, prepareDatabase, serverUrl, startServer, stopServer, stopServersOnExit } from "./lib/servers.mjs";
import { benchCompare } from "./lib/ui-compare";
import { benchSpanLinks } from "./lib/ui-span-links";
import { benchStatistics } from "./lib/ui-statistics";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DATABASE_URL = "file:./data/bench-ui.db";
const PORT = positiveIntFromEnv("BENCH_UI_PORT", 3112);
const RUNS = positiveIntFromEnv("BENCH_UI_RUNS", 5);
const SCROLL_PX = positiveIntFromEnv("BENCH_UI_SCROLL_PX", 84);
const SCROLL_SECONDS = positiveIntFromEnv("BENCH_UI_SCROLL_SECONDS", 4);
const SIZES = [1_000, 10_000, 50_000];
const SCROLLED_SIZE = 10_000;
const TARGET_INTERACTIVE_MS = 1500;
const TARGET_FPS = 50;

interface Timings {
  /** When the trace detail answer had fully arrived (its resource timing's responseEnd). */
  answer: number;
  rows: number;
  interactive: number;
}

async function seed(count: number): Promise<string> {
  return (await seedSpans(PORT, benchSpans(count))).traceId;
}

/** Notes the navigation-relative times of the first waterfall row, the next frame and the first task after it. */
function installProbe() {
  const bench: Partial<Timings> = {};
  (window as unknown as { __bench: Partial<Timings> }).__bench = bench;
  const observer = new MutationObserver(() => {
    if (bench.rows !== undefined || !document.querySelector('[data-testid="waterfall-row"]')) return;
    bench.rows = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (bench.interactive = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function loadTimings(page: Page, traceId: string): Promise<Timings> {
  await page.goto(serverUrl(PORT, `/traces/${traceId}`), { waitUntil: "commit" });
  await page.waitForFunction(() => (window as unknown as { __bench: Partial<Timings> }).__bench?.interactive !== undefined, null, { timeout: 120_000, polling: 50 });
  return page.evaluate(() => {
    const detail = performance.getEntriesByType("resource").find((entry) => entry.name.includes("/api/tracing/traces/")) as PerformanceResourceTiming | undefined;
    return { ...(window as unknown as { __bench: Timings }).__bench, answer: detail?.responseEnd ?? Number.NaN };
  });
}

/** rAF deltas while scrolling the waterfall SCROLL_PX per frame. */
function scrollFrames({ pixels, seconds }: { pixels: number; seconds: number }): Promise<number[]> {
  const container = document.querySelector<HTMLElement>('[data-testid="waterfall"]')!;
  const deltas: number[] = [];
  return new Promise((resolve) => {
    let last = 0;
    let first = 0;
    const step = (now: number) => {
      if (last) deltas.push(now - last);
      else first = now;
      last = now;
      container.scrollTop += pixels;
      const atEnd = container.scrollTop >= container.scrollHeight - container.clientHeight;
      if (now - first < seconds * 1000 && !atEnd) requestAnimationFrame(step);
      else resolve(deltas);
    };
    requestAnimationFrame(step);
  });
}

const ms = (value: number) => `${Math.round(value)} ms`;

async function main() {
  stopServersOnExit();
  prepareDatabase(ROOT, DATABASE_URL);
  ensureProductionBuild(ROOT, DATABASE_URL);
  const server = await startServer({ root: ROOT, name: "bench-ui", port: PORT, env: { DATABASE_URL } });
  const launchOptions = playwrightConfig.projects?.[0]?.use?.launchOptions ?? {};
  const browser = await chromium.launch(launchOptions);
  try {
    const traces = new Map<number, string>();
    for (const size of SIZES) {
      const started = performance.now();
      traces.set(size, await seed(size));
      console.log(`Seeded a ${size.toLocaleString("en-US")}-span trace in ${ms(performance.now() - started)}`);
    }
    const bigSeeded = performance.now();
    const bigTraceId = await seedBigTrace(serverUrl(PORT, "/v1/traces"));
    console.log(`Seeded a ${BIG_TRACE_SPANS.toLocaleString("en-US")}-span trace in ${ms(performance.now() - bigSeeded)}`);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // tsx (esbuild) names functions through a `__name` helper that does not exist in the page.
    await context.addInitScript({ content: "globalThis.__name ??= (target) => target;" });
    await context.addInitScript(installProbe);

    console.log(`\n${machineDescription()}\nChromium ${browser.version()}, viewport 1440x900, ${RUNS} runs per size after a warm-up\n`);
    console.log("spans    answer in (median)   first rows (median / max)   interactive (median / max)");
    const interactiveBySize = new Map<number, number>();
    for (const size of SIZES) {
      const page = await context.newPage();
      await loadTimings(page, traces.get(size)!);
      const runs: Timings[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await loadTimings(page, traces.get(size)!));
      await page.close();
      const pick = (key: keyof Timings) => runs.map((timing) => timing[key]);
      const spread = (key: keyof Timings) => `${ms(median(pick(key)))} / ${ms(Math.max(...pick(key)))}`;
      interactiveBySize.set(size, median(pick("interactive")));
      console.log(`${size.toLocaleString("en-US").padStart(6)}   ${ms(median(pick("answer"))).padEnd(19)}  ${spread("rows").padEnd(26)}  ${spread("interactive")}`);
    }
    console.log("(answer in: the trace detail API answer fully received; the rest of each figure is the browser's work)");
    await benchCompare(browser, PORT, RUNS);

    const page = await context.newPage();
    await loadTimings(page, traces.get(SCROLLED_SIZE)!);
    const deltas = await page.evaluate(scrollFrames, { pixels: SCROLL_PX, seconds: SCROLL_SECONDS });
    await page.close();
    const fps = framesPerSecond(deltas);
    console.log(`\nScrolling the ${SCROLLED_SIZE.toLocaleString("en-US")}-span waterfall ${SCROLL_PX} px a frame: ${describeFrames(deltas)}`);
    const flame = await benchFlameGraphZoom(context, serverUrl(PORT, `/traces/${traces.get(SCROLLED_SIZE)}?view=flame`), SCROLLED_SIZE);
    console.log(flame.row);

    const interactive = interactiveBySize.get(SCROLLED_SIZE)!;
    console.log(`\nTarget: ${SCROLLED_SIZE.toLocaleString("en-US")} spans interactive in under ${TARGET_INTERACTIVE_MS} ms: ${ms(interactive)} ${interactive < TARGET_INTERACTIVE_MS ? "MET" : "MISSED"}`);
    console.log(`Target: scrolling at ${TARGET_FPS}+ fps: ${fps.toFixed(1)} fps ${fps >= TARGET_FPS ? "MET" : "MISSED"}`);
    console.log(flame.target);
    await benchBigTrace(context, bigTraceId, RUNS, {
      load: loadTimings,
      scroll: (page) => page.evaluate(scrollFrames, { pixels: SCROLL_PX, seconds: SCROLL_SECONDS }),
    });
    const statisticsTraces = [{ spans: SCROLLED_SIZE, traceId: traces.get(SCROLLED_SIZE)! }, { spans: BIG_TRACE_SPANS, traceId: bigTraceId }];
    await benchStatistics(context, statisticsTraces, RUNS, loadTimings);
    await benchSpanLinks(context, PORT, RUNS, loadTimings);
  } finally {
    await browser.close();
    await stopServer(server);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
