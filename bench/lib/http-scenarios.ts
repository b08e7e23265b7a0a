// Timed HTTP scenarios against a running server, shared by bench:query and bench:scale:
// one cold call, warm-up calls, then sequential calls for p50/p95, reported with a target.
import { performance } from "node:perf_hooks";
import { quantile } from "./ingest-load";
import { serverUrl } from "./servers.mjs";

/** An unsampled traceparent: the server stores no self-tracing spans while being measured. */
const UNSAMPLED = { traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00" };
const CALL_TIMEOUT_MS = 600_000;

export interface Scenario {
  name: string;
  path: string;
  /** For the p95. */
  targetMs: number;
  /** For the cold call (the first after a start), when it has a target of its own. */
  coldTargetMs?: number;
}

export type Outcome =
  | { kind: "missing" }
  | { kind: "failed"; status: number; body: string }
  | { kind: "measured"; coldMs: number; p50: number; p95: number; bytes: number };

export interface MeasureOptions {
  port: number;
  warmup: number;
  requests: number;
}

async function call(port: number, path: string): Promise<{ status: number; ms: number; body: string; json: boolean }> {
  const started = performance.now();
  const response = await fetch(serverUrl(port, path), { headers: UNSAMPLED, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
  const body = await response.text();
  return { status: response.status, ms: performance.now() - started, body, json: (response.headers.get("content-type") ?? "").includes("json") };
}

/** A route that does not exist yet (a 404 that is not the API's JSON envelope) is "missing". */
export async function measure(scenario: Scenario, options: MeasureOptions): Promise<Outcome> {
  const cold = await call(options.port, scenario.path);
  if (cold.status === 404 && !cold.json) return { kind: "missing" };
  if (cold.status !== 200) return { kind: "failed", status: cold.status, body: cold.body.slice(0, 300) };
  for (let i = 0; i < options.warmup; i += 1) await call(options.port, scenario.path);
  const times: number[] = [];
  for (let i = 0; i < options.requests; i += 1) {
    const answer = await call(options.port, scenario.path);
    if (answer.status !== 200) return { kind: "failed", status: answer.status, body: answer.body.slice(0, 300) };
    times.push(answer.ms);
  }
  return { kind: "measured", coldMs: cold.ms, p50: quantile(times, 0.5), p95: quantile(times, 0.95), bytes: cold.body.length };
}

/** Whether a measured outcome meets its scenario's targets. */
export function meets(scenario: Scenario, outcome: Outcome & { kind: "measured" }): boolean {
  return outcome.p95 < scenario.targetMs && (scenario.coldTargetMs === undefined || outcome.coldMs < scenario.coldTargetMs);
}

export function targetText(scenario: Scenario): string {
  return `p95 < ${scenario.targetMs} ms${scenario.coldTargetMs === undefined ? "" : `, cold < ${scenario.coldTargetMs} ms`}`;
}

/** Prints rows as a table, the first column left-aligned and the others right-aligned. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
}

export function printResults(results: Array<{ scenario: Scenario; outcome: Outcome }>): void {
  const header = ["scenario", "cold ms", "p50 ms", "p95 ms", "target", "verdict", "answer bytes"];
  const rows = results.map(({ scenario, outcome }) => {
    const target = targetText(scenario);
    if (outcome.kind === "missing") return [scenario.name, "-", "-", "-", target, "route missing", "-"];
    if (outcome.kind === "failed") return [scenario.name, "-", "-", "-", target, `HTTP ${outcome.status}`, "-"];
    const verdict = meets(scenario, outcome) ? "meets" : "MISSES";
    return [scenario.name, outcome.coldMs.toFixed(0), outcome.p50.toFixed(1), outcome.p95.toFixed(1), target, verdict, String(outcome.bytes)];
  });
  printTable(header, rows);
  for (const { scenario, outcome } of results) if (outcome.kind === "failed") console.warn(`WARNING: ${scenario.name}: HTTP ${outcome.status}: ${outcome.body}`);
}
