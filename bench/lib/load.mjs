// Load generation with autocannon's programmatic API, and the alternating-rounds scheme.
import autocannon from "autocannon";

/** One autocannon run; req/s is the mean of its per-second samples. */
export async function runLoad({ url, seconds, connections, headers = {} }) {
  const result = await autocannon({ url, duration: seconds, connections, headers });
  return {
    rps: result.requests.average,
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
 * req/s and latencies over the rounds, plus the total count of failed requests.
 */
export async function measureAlternating(targets, { seconds, rounds, warmupSeconds, connections }) {
  for (const target of targets) {
    await runLoad({ ...target, seconds: warmupSeconds, connections });
  }
  const samples = targets.map(() => []);
  for (let round = 1; round <= rounds; round++) {
    for (const [index, target] of targets.entries()) {
      const sample = await runLoad({ ...target, seconds, connections });
      samples[index].push(sample);
      console.log(`  round ${round}/${rounds} ${target.label.padEnd(9)} ${sample.rps.toFixed(0).padStart(6)} req/s  p50 ${sample.p50} ms  p99 ${sample.p99} ms`);
    }
  }
  return samples.map(summarize);
}

function summarize(samples) {
  return {
    rps: median(samples.map((s) => s.rps)),
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
    failures: samples.reduce((sum, s) => sum + s.failures, 0),
    rounds: samples.map((s) => s.rps),
  };
}
