// bench:ui's trace-statistics row (issue 15 §3): on traces of 10,000 and 200,000 spans
// already open in the waterfall, the time from a click on the Statistics tab to the
// table shown, from a click on a column header (count) to the table re-sorted, and from
// a change of grouping (service and operation -> service) to the table regrouped; each
// up to the first task after the next painted frame (bench/lib/ui-interaction.ts).
// Targets: opening and regrouping within 1 s at any size (a view change: the statistics
// come from the span tree the waterfall already built), a re-sort within 100 ms (the
// response to an input, RAIL).
import type { BrowserContext, Page } from "@playwright/test";
import { median, underTarget } from "./frame-times";
import { timeInteraction } from "./ui-interaction";

const TARGET_OPEN_MS = 1000;
const TARGET_SORT_MS = 100;
const TARGET_REGROUP_MS = 1000;

interface StatisticsTiming {
  open: number;
  sort: number;
  regroup: number;
}

async function timeStatistics(page: Page): Promise<StatisticsTiming> {
  const open = await timeInteraction(page, { act: { click: '[data-testid="tab-statistics"]' }, until: '[data-testid="statistics-row"]' });
  const sort = await timeInteraction(page, {
    act: { click: 'button[data-sort-key="count"]' },
    until: 'th[aria-sort="descending"]:has(button[data-sort-key="count"])',
  });
  // From service-and-operation (a service's operations at level 2) to service alone.
  const regroup = await timeInteraction(page, {
    act: { select: '[data-testid="group-by"]', value: "service" },
    until: '[data-testid="statistics-row"][data-level="2"]',
    absent: true,
  });
  return { open, sort, regroup };
}

/**
 * For each trace: `runs` fresh loads of its page (after a warm-up load) by `load`, which
 * resolves once the waterfall is interactive, each followed by the three interactions.
 * Prints one line per trace and the targets.
 */
export async function benchStatistics(
  context: BrowserContext,
  traces: ReadonlyArray<{ spans: number; traceId: string }>,
  runs: number,
  load: (page: Page, traceId: string) => Promise<unknown>,
): Promise<void> {
  console.log(`\nTrace statistics (median of ${runs} runs, each after a fresh load of the trace):`);
  const targets: string[] = [];
  for (const { spans, traceId } of traces) {
    const page = await context.newPage();
    const timings: StatisticsTiming[] = [];
    for (let run = 0; run <= runs; run++) {
      await load(page, traceId);
      const timing = await timeStatistics(page);
      if (run > 0) timings.push(timing);
    }
    await page.close();
    const [open, sort, regroup] = (["open", "sort", "regroup"] as const).map((key) => median(timings.map((timing) => timing[key])));
    const label = spans.toLocaleString("en-US");
    console.log(`  ${label.padStart(7)} spans: table shown ${Math.round(open)} ms after the tab click, re-sorted ${Math.round(sort)} ms, regrouped ${Math.round(regroup)} ms`);
    targets.push(
      `Target: ${label} spans, statistics shown in under ${TARGET_OPEN_MS} ms: ${underTarget(open, TARGET_OPEN_MS)}`,
      `Target: ${label} spans, statistics re-sorted in under ${TARGET_SORT_MS} ms: ${underTarget(sort, TARGET_SORT_MS)}`,
      `Target: ${label} spans, statistics regrouped in under ${TARGET_REGROUP_MS} ms: ${underTarget(regroup, TARGET_REGROUP_MS)}`,
    );
  }
  for (const line of targets) console.log(line);
}
