// Latencies in nanoseconds, log-normal around a median as real request latencies are.
import { msToNs } from "./clock";
import type { Random } from "./random";

/** A duration with the given median in milliseconds; sigma 0.4 gives a modest tail. */
export function ms(random: Random, medianMs: number, sigma = 0.4): number {
  return msToNs(random.logNormal(medianMs, sigma));
}

/** One network hop inside the cluster. */
export function hop(random: Random): number {
  return ms(random, 0.35, 0.5);
}
