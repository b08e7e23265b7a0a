// bench:ui's span-links row (issue 15 §4): a message announced by a producer span and
// consumed in LINKING_TRACES traces whose spans link to it, one of them a trace of
// CONSUMER_SPANS spans where the linking span sits deep in the tree. On the producer's
// page: the time from a click on the producer span to its "Linked from" list shown (a
// lookup by span id), from a click on the big consumer's entry to that trace open with
// the linking span selected (a soft navigation: fetch, tree, scroll to the row), and from
// a click on that span's link back to the producer span selected. Each is timed in the
// page up to the first task after the next painted frame (bench/lib/ui-interaction.ts).
// Targets: "Linked from" within 500 ms of the click; following a link either way within
// the 1.5 s that opening a 10,000-span trace is allowed (bench/ui.ts).
import type { BrowserContext, Page } from "@playwright/test";
import type { SeedSpan } from "../../tests/e2e/support/seed-traces";
import { median, underTarget } from "./frame-times";
import { benchSpans, seedSpans } from "./ui-bench-spans";
import { timeInteraction } from "./ui-interaction";

const LINKING_TRACES = 50;
const CONSUMER_SPANS = 10_000;
/** The big consumer's linking span: a leaf a few levels down the fan-out tree. */
const LINKING_SPAN = "s7777";
const TARGET_LINKED_FROM_MS = 500;
const TARGET_FOLLOW_MS = 1500;

const row = (spanId: string, selected = false) => `[data-testid="waterfall-row"][data-span-id="${spanId}"]${selected ? '[aria-selected="true"]' : ""}`;

const linkTo = ({ traceId, spanId }: { traceId: string; spanId: string }) => `a[data-testid="link-target"][href="/traces/${traceId}?span=${spanId}"]`;

interface LinkTiming {
  linkedFrom: number;
  follow: number;
  back: number;
}

/** Seeds the producer and the consuming traces; resolves with the ids the timings click. */
async function seedLinkedTraces(port: number) {
  const producer = await seedSpans(port, [
    { id: "checkout", service: "bench-links-shop", name: "POST /checkout", kind: "server", startMs: 0, durationMs: 40 },
    { id: "announce", parent: "checkout", service: "bench-links-shop", name: "orders publish", kind: "producer", startMs: 10, durationMs: 5 },
  ]);
  const link = { traceId: producer.traceId, spanId: producer.spanIds.announce, attributes: { "messaging.operation.type": "send" } };
  const big = await seedSpans(
    port,
    benchSpans(CONSUMER_SPANS).map((span): SeedSpan => (span.id === LINKING_SPAN ? { ...span, name: "orders process", links: [link] } : span)),
  );
  for (let index = 1; index < LINKING_TRACES; index++) {
    await seedSpans(port, [
      { id: "poll", service: `bench-links-worker-${index % 5}`, name: "orders receive", kind: "consumer", startMs: 50, durationMs: 30 },
      { id: "process", parent: "poll", service: `bench-links-worker-${index % 5}`, name: "orders process", startMs: 55, durationMs: 20, links: [link] },
    ]);
  }
  return { producer: { traceId: producer.traceId, spanId: producer.spanIds.announce }, consumer: { traceId: big.traceId, spanId: big.spanIds[LINKING_SPAN] } };
}

/** Seeds the traces, times the three steps `runs` times after a warm-up, each from a fresh load of the producer's page by `load`, and prints the row. */
export async function benchSpanLinks(context: BrowserContext, port: number, runs: number, load: (page: Page, traceId: string) => Promise<unknown>): Promise<void> {
  const { producer, consumer } = await seedLinkedTraces(port);
  const page = await context.newPage();
  const timings: LinkTiming[] = [];
  for (let run = 0; run <= runs; run++) {
    await load(page, producer.traceId);
    const linkedFrom = await timeInteraction(page, { act: { click: row(producer.spanId) }, until: '[data-testid="span-linked-from-entry"]' });
    // Arrived: the linking span selected and its detail (fetched apart on a compact trace) showing the link back.
    const follow = await timeInteraction(page, {
      act: { click: `[data-testid="span-linked-from-entry"] ${linkTo(consumer)}` },
      until: `body:has(${row(consumer.spanId, true)}):has([data-testid="span-link"] ${linkTo(producer)})`,
    });
    const back = await timeInteraction(page, { act: { click: `[data-testid="span-link"] ${linkTo(producer)}` }, until: row(producer.spanId, true) });
    if (run > 0) timings.push({ linkedFrom, follow, back });
  }
  await page.close();
  const [linkedFrom, follow, back] = (["linkedFrom", "follow", "back"] as const).map((key) => median(timings.map((timing) => timing[key])));
  const spans = CONSUMER_SPANS.toLocaleString("en-US");
  console.log(
    `\nSpan links (a producer span linked from ${LINKING_TRACES} traces, one of ${spans} spans; median of ${runs} runs): ` +
      `"Linked from" shown ${Math.round(linkedFrom)} ms after the click, the ${spans}-span consumer open at the linking span ${Math.round(follow)} ms, back to the producer ${Math.round(back)} ms`,
  );
  console.log(`Target: "Linked from" of a span linked from ${LINKING_TRACES} traces shown in under ${TARGET_LINKED_FROM_MS} ms: ${underTarget(linkedFrom, TARGET_LINKED_FROM_MS)}`);
  console.log(`Target: following a link into a ${spans}-span trace in under ${TARGET_FOLLOW_MS} ms: ${underTarget(follow, TARGET_FOLLOW_MS)}`);
  console.log(`Target: following a link back in under ${TARGET_FOLLOW_MS} ms: ${underTarget(back, TARGET_FOLLOW_MS)}`);
}
