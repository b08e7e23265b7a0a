// Trace and span ids from the seeded stream, so a `--seed` run is reproducible id for id.
import type { IdGenerator } from "@opentelemetry/sdk-trace-node";
import type { Random } from "./random";

const ALL_ZEROS = /^0+$/;

function nonZeroHex(random: Random, bytes: number): string {
  for (;;) {
    const id = random.hex(bytes);
    if (!ALL_ZEROS.test(id)) return id;
  }
}

export function seededIdGenerator(random: Random): IdGenerator {
  return {
    generateTraceId: () => nonZeroHex(random, 16),
    generateSpanId: () => nonZeroHex(random, 8),
  };
}
