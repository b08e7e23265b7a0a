// bench:ui's 200,000-span row (issue 15 §5): a trace of BIG_TRACE_SPANS spans from the
// demo's --big-trace generator, sent in OTLP/JSON batches; then, in the page, the time to
// the first waterfall rows (on the first open, when the server renders the answer, and on
// later opens, served from its answer cache), the frame times while scrolling it, and the JS heap after the
// load and after the scroll (CDP Performance.getMetrics JSHeapUsedSize, after a forced
// garbage collection, and without one). bench/ui.ts passes its page probes in, so both
// measure alike.
import type { BrowserContext, Page } from "@playwright/test";
import { bigTraceRequests } from "../../scripts/demo/big-trace";
import { describeFrames, framesPerSecond, median } from "./frame-times";

export const BIG_TRACE_SPANS = 200_000;
const TARGET_ROWS_MS = 2_000;
const TARGET_FPS = 50;
const TARGET_HEAP_MB = 500;
const MB = 1024 * 1024;

export interface BigTraceProbes {
  /** Navigates to the trace and resolves with the navigation-relative timings. */
  load(page: Page, traceId: string): Promise<{ answer: number; rows: number; interactive: number }>;
  /** Scrolls the waterfall and resolves with the animation-frame deltas (ms). */
  scroll(page: Page): Promise<number[]>;
}

/** Sends the trace to the server at `ingestUrl` (/v1/traces); resolves with its id once every batch was accepted. */
export async function seedBigTrace(ingestUrl: string, spans = BIG_TRACE_SPANS): Promise<string> {
  const traceId = crypto.getRandomValues(new Uint8Array(16)).reduce((hex, byte) => hex + byte.toString(16).padStart(2, "0"), "");
  for (const body of bigTraceRequests({ spans, traceId, startNs: BigInt(Date.now() - 120_000) * 1_000_000n })) {
    const response = await fetch(ingestUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (response.status !== 200) throw new Error(`seeding the ${spans}-span trace: HTTP ${response.status} ${await response.text()}`);
  }
  return traceId;
}

async function heapMb(page: Page, collect: boolean): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  if (collect) await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  await cdp.detach();
  return (metrics.find((metric) => metric.name === "JSHeapUsedSize")?.value ?? Number.NaN) / MB;
}

const verdict = (met: boolean) => (met ? "MET" : "MISSED");

/** Measures the trace `traceId` in `runs` fresh pages after its first open (timed too) and prints the rows and verdicts. */
export async function benchBigTrace(context: BrowserContext, traceId: string, runs: number, probes: BigTraceProbes): Promise<void> {
  const label = BIG_TRACE_SPANS.toLocaleString("en-US");
  // The first open after the trace arrived: the unlucky case, nothing cached on the server.
  const first = await context.newPage();
  const firstOpen = await probes.load(first, traceId);
  await first.close();
  const timings = [];
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage();
    timings.push(await probes.load(page, traceId));
    await page.close();
  }
  const page = await context.newPage();
  await probes.load(page, traceId);
  const loadedHeap = await heapMb(page, false);
  const liveHeap = await heapMb(page, true);
  const deltas = await probes.scroll(page);
  const scrolledHeap = await heapMb(page, false);
  await page.close();

  const rows = median(timings.map((timing) => timing.rows));
  const fps = framesPerSecond(deltas);
  const peakHeap = Math.max(loadedHeap, scrolledHeap);
  console.log(`\n${label}-span trace (the answer is the compact view):`);
  console.log(`  first open (the server renders the answer): answer in ${Math.round(firstOpen.answer)} ms, first rows ${Math.round(firstOpen.rows)} ms`);
  console.log(`  ${runs} later opens (the server's answer cache):`);
  console.log(
    `  answer in ${Math.round(median(timings.map((timing) => timing.answer)))} ms, first rows ${Math.round(rows)} ms (max ${Math.round(Math.max(...timings.map((timing) => timing.rows)))}), ` +
      `interactive ${Math.round(median(timings.map((timing) => timing.interactive)))} ms`,
  );
  console.log(`  scrolling: ${describeFrames(deltas)}`);
  console.log(`  JS heap: ${loadedHeap.toFixed(0)} MB after the load, ${liveHeap.toFixed(0)} MB live (after a GC), ${scrolledHeap.toFixed(0)} MB after scrolling`);
  console.log(`Target: ${label} spans, first rows in under ${TARGET_ROWS_MS} ms, first open: ${Math.round(firstOpen.rows)} ms ${verdict(firstOpen.rows < TARGET_ROWS_MS)}`);
  console.log(`Target: ${label} spans, first rows in under ${TARGET_ROWS_MS} ms, later opens: ${Math.round(rows)} ms ${verdict(rows < TARGET_ROWS_MS)}`);
  console.log(`Target: ${label} spans scrolling at ${TARGET_FPS}+ fps: ${fps.toFixed(1)} fps ${verdict(fps >= TARGET_FPS)}`);
  console.log(`Target: ${label} spans, JS heap under ${TARGET_HEAP_MB} MB: ${peakHeap.toFixed(0)} MB ${verdict(peakHeap < TARGET_HEAP_MB)}`);
}
