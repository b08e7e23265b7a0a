import { MAX_UNIX_NANOS } from "@/lib/domain/representable-time";
import { NS_PER_HOUR, NS_PER_MINUTE, NS_PER_MS, NS_PER_S, NS_PER_US } from "@/lib/domain/time-units";
import { nanosParam } from "./duration";

/** Go's time.ParseDuration units; `µ` is U+00B5 and `μ` U+03BC, Go takes both. */
const UNIT_NANOS: Record<string, bigint> = { ns: 1n, us: NS_PER_US, µs: NS_PER_US, μs: NS_PER_US, ms: NS_PER_MS, s: NS_PER_S, m: NS_PER_MINUTE, h: NS_PER_HOUR };

/** One `<number><unit>` term of a Go duration. */
const TERM = /(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * A non-negative Go duration (`1.2s`, `100ms`, `1h30m`, `0`) as exact nanoseconds, as
 * Jaeger's query service reads `minDuration` and `maxDuration`; null when malformed or
 * longer than the representable time range. Fractions below a nanosecond are dropped, as Go does.
 */
export function parseGoDurationNs(text: string): bigint | null {
  const source = text.startsWith("+") ? text.slice(1) : text;
  if (source === "0") return 0n;
  if (source === "" || source.length > 100) return null;
  let total = 0n;
  TERM.lastIndex = 0;
  while (TERM.lastIndex < source.length) {
    const match = TERM.exec(source);
    if (!match) return null;
    const [, whole, fraction = "", unit] = match;
    if (whole === "" && fraction === "") return null;
    const scale = 10n ** BigInt(fraction.length);
    total += (BigInt(`${whole}${fraction}` || "0") * UNIT_NANOS[unit]) / scale;
  }
  return total <= MAX_UNIX_NANOS ? total : null;
}

/** A Go duration query parameter (see parseGoDurationNs), parsed to bigint nanoseconds. */
export const GoDurationParam = nanosParam(
  { description: "A Go duration: a sequence of numbers with units ns, us (µs), ms, s, m, h", examples: ["1.2s", "100ms", "1h30m"] },
  parseGoDurationNs,
  (text) => `invalid duration "${text}": use a Go duration such as 1.2s, 100ms or 1h30m`,
);
