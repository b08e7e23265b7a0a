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

/** The 1-, 5- and 15-minute load averages, for a figure measured on a shared machine. */
export function loadDescription() {
  return os.loadavg().map((value) => value.toFixed(2)).join(" / ");
}

function formatCpu({ traced, untraced }) {
  const micros = (summary) => (summary?.cpuMicrosPerRequest === undefined ? NONE : summary.cpuMicrosPerRequest.toFixed(0));
  return `${micros(traced)} / ${micros(untraced)}`;
}

function formatTarget(target) {
  return target === undefined ? NONE : `>= ${target.toFixed(2)}`;
}

/** "meets" or "MISSES" the target ratio; "info" for a row without a baseline. */
export function verdict({ traced, untraced, target }) {
  if (!untraced || target === undefined) return "info";
  return ratio(traced, untraced) >= target ? "meets" : "MISSES";
}

/**
 * rows: { scenario, traced, untraced?, target?, spansPerRequest? } where traced/untraced
 * are `measureAlternating` summaries and spansPerRequest what the traced server stored.
 * The verdict is on req/s; CPU per request (all the server's threads) is shown beside
 * it because it moves much less than req/s when other work shares the machine.
 */
export function printTable(rows) {
  const header = [
    "scenario",
    "req/s traced",
    "req/s untraced",
    "ratio",
    "target",
    "verdict",
    "spans stored/req",
    "CPU µs/req traced/untraced",
    "p50/p99 ms traced",
    "p50/p99 ms untraced",
  ];
  const body = rows.map((row) => [
    row.scenario,
    formatRps(row.traced.rps),
    formatRps(row.untraced?.rps),
    row.untraced ? ratio(row.traced, row.untraced).toFixed(2) : NONE,
    formatTarget(row.target),
    verdict(row),
    row.spansPerRequest === undefined ? NONE : row.spansPerRequest.toFixed(2),
    formatCpu(row),
    formatLatency(row.traced),
    formatLatency(row.untraced),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const cells of body) console.log(line(cells));
}

/** Failed requests make a sample meaningless; say so loudly but keep the figures. */
export function warnAboutFailures(rows) {
  for (const { scenario, traced, untraced } of rows) {
    for (const [label, summary] of [["traced", traced], ["untraced", untraced]]) {
      if (summary?.failures) console.warn(`WARNING: ${scenario} (${label}): ${summary.failures} failed requests (non-2xx, errors or timeouts)`);
    }
  }
}
