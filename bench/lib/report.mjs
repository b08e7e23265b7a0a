// Plain-text report: machine, parameters and a results table.
import os from "node:os";

const NONE = "-";

export function machineDescription() {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? "unknown CPU"} x ${cpus.length} | ${os.platform()} ${os.release()} | node ${process.version}`;
}

function formatRps(value) {
  return value === undefined ? NONE : value.toFixed(0);
}

function formatLatency(summary) {
  return summary ? `${summary.p50} / ${summary.p99}` : NONE;
}

export function ratio(traced, untraced) {
  return traced.rps / untraced.rps;
}

/** rows: { scenario, traced, untraced? } where traced/untraced are `measureAlternating` summaries. */
export function printTable(rows) {
  const header = ["scenario", "req/s traced", "req/s untraced", "traced/untraced", "p50/p99 ms traced", "p50/p99 ms untraced"];
  const body = rows.map(({ scenario, traced, untraced }) => [
    scenario,
    formatRps(traced.rps),
    formatRps(untraced?.rps),
    untraced ? ratio(traced, untraced).toFixed(2) : NONE,
    formatLatency(traced),
    formatLatency(untraced),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => row[column].length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of body) console.log(line(row));
}

/** Failed requests make a sample meaningless; say so loudly but keep the figures. */
export function warnAboutFailures(rows) {
  for (const { scenario, traced, untraced } of rows) {
    for (const [label, summary] of [["traced", traced], ["untraced", untraced]]) {
      if (summary?.failures) console.warn(`WARNING: ${scenario} (${label}): ${summary.failures} failed requests (non-2xx, errors or timeouts)`);
    }
  }
}
