// What the demo prints when it is done.
import type { DemoOptions } from "./options";
import type { DemoReport } from "./run-demo";

function hoursLabel(hours: number): string {
  return `${Number(hours.toFixed(2))} h`;
}

export function formatReport(report: DemoReport, options: DemoOptions): string[] {
  if (report.skipped) return [`demo: nothing sent, ${report.skipped} (--if-empty)`];

  const rate = report.seconds > 0 ? Math.round(report.tally.exportedSpans / report.seconds) : 0;
  const mix = Object.entries(report.scenarios)
    .sort(([, a], [, b]) => b - a)
    .map(([name, runs]) => `${name} ${runs}`)
    .join(", ");
  const lines = [
    `demo: ${report.traces} traces, ${report.spans} spans, ${report.services.length} services (${report.services.join(", ")})`,
    `      ${report.tally.exportedSpans} spans exported in ${report.seconds.toFixed(2)} s (${rate} spans/s), ${report.tally.requests} requests`,
    `      to ${report.endpoint} as OTLP/HTTP ${options.protocol}, seed ${JSON.stringify(options.seed)}, over the last ${hoursLabel(options.hours)}`,
    `      runs: ${mix}; ${report.slowOutliers} slow outliers, ${report.errorSpans} error spans`,
  ];
  const { audit } = report;
  if (audit) lines.push(`      audit: ${audit.recorded} of ${audit.events} events recorded to ${audit.endpoint}, engagement ${audit.engagementId}`);
  if (audit && audit.failed > 0) {
    lines.push(`demo: FAILED: ${audit.failed} of ${audit.events} audit events were not recorded`);
    for (const error of audit.errors) lines.push(`      ${error}`);
  } else if (!report.ok) {
    const lost = report.spans - report.tally.exportedSpans;
    lines.push(`demo: FAILED: ${lost} of ${report.spans} spans were not accepted`);
    for (const error of report.tally.errors) lines.push(`      ${error}`);
  }
  return lines;
}
