// One demo run: schedule the traffic, lay each run out in the time window, emit it
// through the services' tracer providers, flush, record the audit events of the runs,
// and report what the exporters and the audit route said.
import { BatchSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-node";
import { demoEngagementId, planAuditEvents, type EmittedRun } from "./audit-plan";
import { sendAuditEvents, type AuditTally } from "./audit-sender";
import { lastHours, nowNs, placeInWindow, type TimeWindow } from "./clock";
import { emitPlan } from "./emit";
import { endpoints } from "./endpoints";
import { EXPORT_TIMEOUT_MS, createOtlpExporter, emptyTally, tallied, type ExportTally } from "./exporter";
import { seededIdGenerator } from "./ids";
import { layoutPlan } from "./layout";
import type { DemoOptions } from "./options";
import { createRandom } from "./random";
import { scheduleRuns } from "./schedule";
import { assertReachable } from "./reachable";
import { createServiceProviders, type ServiceName } from "./services";
import { fetchTotalSpans } from "./statistics";

/** Flush once this many spans are queued, so exports keep pace with emission. */
export const FLUSH_EVERY_SPANS = 4096;

export interface DemoDeps {
  /** End of the time window (unix ns); defaults to now. */
  now?: bigint;
  fetch?: typeof fetch;
  /** Replaces the OTLP exporter (tests use an in-memory one). */
  exporterFor?: (service: ServiceName) => SpanExporter;
}

export interface DemoReport {
  /** Set when `--if-empty` found data and nothing was sent. */
  skipped?: string;
  ok: boolean;
  endpoint: string;
  window: TimeWindow;
  traces: number;
  /** Spans the services ended; every one must be exported for the run to be ok. */
  spans: number;
  services: ServiceName[];
  scenarios: Record<string, number>;
  slowOutliers: number;
  errorSpans: number;
  seconds: number;
  tally: ExportTally;
  /** Audit events planned and how recording them went; absent when spans failed (nothing recorded). */
  audit?: AuditTally & { endpoint: string; events: number; engagementId: string };
}

export async function runDemo(options: DemoOptions, deps: DemoDeps = {}): Promise<DemoReport> {
  const urls = endpoints(options.url);
  const window = lastHours(options.hours, deps.now ?? nowNs());
  const tally = emptyTally();
  const report: DemoReport = {
    ok: false,
    endpoint: urls.traces,
    window,
    traces: 0,
    spans: 0,
    services: [],
    scenarios: {},
    slowOutliers: 0,
    errorSpans: 0,
    seconds: 0,
    tally,
  };

  if (!deps.exporterFor) await assertReachable(urls.traces);
  if (options.ifEmpty) {
    const total = await fetchTotalSpans(urls.statistics, options.token, deps.fetch);
    if (total > 0) return { ...report, ok: true, skipped: `the store already holds ${total} spans` };
  }

  const random = createRandom(options.seed);
  const exporterFor =
    deps.exporterFor ??
    (() => createOtlpExporter({ endpoint: urls.traces, protocol: options.protocol, token: options.token }));
  const providers = createServiceProviders({
    idGenerator: seededIdGenerator(random.fork("ids")),
    exporterFor: (service) => tallied(exporterFor(service), tally),
    processorFor: (exporter) =>
      new BatchSpanProcessor(exporter, {
        // Room for a flush interval plus the biggest run (a batch import), so nothing is dropped.
        maxQueueSize: FLUSH_EVERY_SPANS * 4,
        maxExportBatchSize: 512,
        // Emission is synchronous; exports start when a batch fills or on the flushes below.
        scheduledDelayMillis: 1000,
        exportTimeoutMillis: EXPORT_TIMEOUT_MS * 2,
      }),
  });
  const flush = async () => {
    try {
      await providers.forceFlush();
    } catch (errors) {
      // The tally holds exporter failures; a processor timeout only shows up here.
      const message = [errors].flat().map(String).join("; ");
      if (tally.failedSpans === 0 && !tally.errors.includes(message)) tally.errors.push(message);
    }
  };

  const services = new Set<ServiceName>();
  const emittedRuns: EmittedRun[] = [];
  const started = performance.now();
  let queued = 0;
  const runs = scheduleRuns(random.fork("schedule"), options.traces);
  for (const [index, run] of runs.entries()) {
    const runRandom = random.fork(`run/${index}`);
    const plan = run.scenario.build(runRandom);
    const layout = layoutPlan(plan, run.slowFactor);
    const emitted = emitPlan(plan, layout, placeInWindow(runRandom, window, layout.extent), providers);

    report.traces += emitted.traceIds.length;
    report.spans += emitted.spans;
    report.errorSpans += emitted.errorSpans;
    report.scenarios[run.scenario.name] = (report.scenarios[run.scenario.name] ?? 0) + 1;
    emittedRuns.push({ scenario: run.scenario.name, traceIds: emitted.traceIds });
    if (run.slowFactor > 1) report.slowOutliers++;
    for (const service of emitted.services) services.add(service);

    queued += emitted.spans;
    if (queued >= FLUSH_EVERY_SPANS) {
      queued = 0;
      await flush();
      if (tally.failedSpans > 0 || tally.errors.length > 0) break;
    }
  }
  await flush();
  await providers.shutdown();

  report.seconds = (performance.now() - started) / 1000;
  report.services = [...services].sort();
  report.ok = tally.failedSpans === 0 && tally.errors.length === 0 && tally.exportedSpans === report.spans;
  if (!report.ok) return report;

  const engagementId = demoEngagementId(options.seed);
  const events = planAuditEvents(random.fork("audit"), emittedRuns, engagementId);
  const audit = await sendAuditEvents(urls.audit, events, options.adminToken, deps.fetch);
  report.audit = { ...audit, endpoint: urls.audit, events: events.length, engagementId };
  report.ok = audit.failed === 0;
  return report;
}
