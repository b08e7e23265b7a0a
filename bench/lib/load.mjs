// Load generation with autocannon's programmatic API, and the alternating-rounds scheme.
import { readFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";

/** Linux clock ticks per second (USER_HZ), the unit of /proc/<pid>/stat CPU times. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, all threads) a process has used so far, in microseconds;
 * undefined where /proc is missing. Per request, it is far less sensitive than req/s
 * to other work on a shared machine.
 */
function cpuMicros(pid) {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * One autocannon run; req/s is the mean of its per-second samples. `perRequestHeaders`,
 * when given, is called for every request and its headers are added to `headers`.
 * With the server's `pid`, also the server's CPU time per request.
 */
export async function runLoad({ url, seconds, connections, headers = {}, perRequestHeaders, pid }) {
  const requests = perRequestHeaders
    ? [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...perRequestHeaders() } }) }]
    : undefined;
  const cpuBefore = cpuMicros(pid);
  const result = await autocannon({ url, duration: seconds, connections, headers, requests });
  const cpuAfter = cpuMicros(pid);
  return {
    rps: result.requests.average,
    requests: result.requests.sent,
    cpuMicrosPerRequest: cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Warms every target up, then runs `rounds` rounds, each hitting the targets one
 * after the other (A, B, A, B, ...) so slow drift of the machine (thermal, other
 * load) affects all of them alike. Resolves to one summary per target: the median
 * req/s, latencies and server CPU per request over the rounds, the total count of
 * failed requests, and the count of requests sent (warm-up included, for checks of
 * what the server stored).
 */
export async function measureAlternating(targets, { seconds, rounds, warmupSeconds, connections }) {
  const warmupRequests = [];
  for (const target of targets) {
    warmupRequests.push((await runLoad({ ...target, seconds: warmupSeconds, connections })).requests);
  }
  const samples = targets.map(() => []);
  for (let round = 1; round <= rounds; round++) {
    for (const [index, target] of targets.entries()) {
      const sample = await runLoad({ ...target, seconds, connections });
      samples[index].push(sample);
      const cpu = sample.cpuMicrosPerRequest === undefined ? "" : `  ${sample.cpuMicrosPerRequest.toFixed(0)} µs CPU/req`;
      console.log(
        `  round ${round}/${rounds} ${target.label.padEnd(9)} ${sample.rps.toFixed(0).padStart(6)} req/s  p50 ${sample.p50} ms  p99 ${sample.p99} ms${cpu}  (load ${os.loadavg()[0].toFixed(2)})`,
      );
    }
  }
  return samples.map((targetSamples, index) => summarize(targetSamples, warmupRequests[index]));
}

function summarize(samples, warmupRequests) {
  return {
    rps: median(samples.map((s) => s.rps)),
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
    failures: samples.reduce((sum, s) => sum + s.failures, 0),
    requestsSent: warmupRequests + samples.reduce((sum, s) => sum + s.requests, 0),
    cpuMicrosPerRequest: samples.every((s) => s.cpuMicrosPerRequest !== undefined) ? median(samples.map((s) => s.cpuMicrosPerRequest)) : undefined,
    rounds: samples.map((s) => s.rps),
  };
}
