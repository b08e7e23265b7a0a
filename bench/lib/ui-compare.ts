// The trace comparison's row of `npm run bench:ui`: two traces of COMPARED_SPANS spans each
// (see comparedSpans) compared in the browser: the time from navigation to the merged
// tree's first rows rendered and the next frame painted, and when the comparison API's
// answer had arrived. Target: under 1.5 s.
import type { Browser } from "@playwright/test";
import { otlpTrace, type SeedSpan } from "../../tests/e2e/support/seed-traces";
import { median } from "./frame-times";
import { serverUrl } from "./servers.mjs";

const COMPARED_SPANS = 10_000;
const FANOUT = 5;
const SERVICE_COUNT = 6;
const OPERATION_COUNT = 40;
const TARGET_MS = 1500;

/**
 * A fan-out tree: span i hangs under span (i - 1) / FANOUT and shares its parent's time
 * evenly with its siblings. B has the same spans, every 7th 40% longer (its children keep
 * A's times), and the subtree of the root's last child under new operation names: removed
 * from A's view, added in B's, so both traces keep COMPARED_SPANS spans.
 */
function comparedSpans(variant: "a" | "b"): SeedSpan[] {
  const spans: SeedSpan[] = [];
  const baseMs: number[] = [];
  const renamed = new Set<string>();
  for (let i = 0; i < COMPARED_SPANS; i++) {
    const parentIndex = i === 0 ? -1 : Math.floor((i - 1) / FANOUT);
    const parent = parentIndex < 0 ? undefined : spans[parentIndex];
    const width = parent ? baseMs[parentIndex] / FANOUT : 8_000;
    baseMs.push(width * 0.9);
    const moved = variant === "b" && (i === FANOUT || (parent !== undefined && renamed.has(parent.id)));
    if (moved) renamed.add(`s${i}`);
    spans.push({
      id: `s${i}`,
      parent: parent?.id,
      service: `compare-service-${i % SERVICE_COUNT}`,
      name: `operation ${i % OPERATION_COUNT}${moved ? " v2" : ""}`,
      startMs: parent ? parent.startMs + ((i - 1) % FANOUT) * width : 0,
      durationMs: baseMs[i] * (variant === "b" && i % 7 === 0 ? 1.4 : 1),
      attributes: { "bench.index": i },
    });
  }
  return spans;
}

async function seedCompared(port: number, variant: "a" | "b"): Promise<string> {
  const { traceId, body } = otlpTrace(comparedSpans(variant));
  const response = await fetch(serverUrl(port, "/v1/traces"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`seeding the compared trace ${variant}: HTTP ${response.status} ${await response.text()}`);
  return traceId;
}

interface CompareTiming {
  /** When the comparison API's answer had fully arrived. */
  answer: number;
  /** The first frame painted after the first merged-tree row was in the page. */
  rendered: number;
}


/** Seeds the two traces, loads the comparison once to warm up and `runs` times to measure, and prints the row. */
export async function benchCompare(browser: Browser, port: number, runs: number): Promise<void> {
  const [a, b] = [await seedCompared(port, "a"), await seedCompared(port, "b")];
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const load = async (): Promise<CompareTiming> => {
    await page.goto(serverUrl(port, `/compare?a=${a}&b=${b}`), { waitUntil: "commit" });
    await page.waitForSelector('[data-testid="compare-row"]', { timeout: 120_000 });
    // A frame, then the first task after it: the rows are painted and the page can take input.
    const rendered = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))));
    const answer = await page.evaluate(() => {
      const entry = performance.getEntriesByType("resource").find((resource) => resource.name.includes("/api/tracing/compare")) as PerformanceResourceTiming | undefined;
      return entry?.responseEnd ?? Number.NaN;
    });
    return { answer, rendered };
  };
  const shown = async () => page.getByTestId("compare-tree").getAttribute("data-row-count");
  await load();
  const timings: CompareTiming[] = [];
  for (let run = 0; run < runs; run++) timings.push(await load());
  const rows = await shown();
  await context.close();

  const rendered = timings.map((timing) => timing.rendered);
  const mid = median(rendered);
  console.log(
    `\nComparing two ${COMPARED_SPANS.toLocaleString("en-US")}-span traces (${rows} merged rows shown, unchanged subtrees collapsed), ${runs} runs after a warm-up: ` +
      `answer in ${Math.round(median(timings.map((timing) => timing.answer)))} ms (median), merged tree rendered ${Math.round(mid)} ms median / ${Math.round(Math.max(...rendered))} ms max`,
  );
  console.log(`Target: the comparison of two ${COMPARED_SPANS.toLocaleString("en-US")}-span traces rendered in under ${TARGET_MS} ms: ${Math.round(mid)} ms ${mid < TARGET_MS ? "MET" : "MISSED"}`);
}
