import { z } from "zod";
import { MAX_UNIX_NANOS } from "@/lib/domain/representable-time";
import { NS_PER_HOUR, NS_PER_MINUTE, NS_PER_MS, NS_PER_S, NS_PER_US } from "@/lib/domain/time-units";

const UNIT_NANOS = { ns: 1n, us: NS_PER_US, µs: NS_PER_US, ms: NS_PER_MS, s: NS_PER_S, m: NS_PER_MINUTE, h: NS_PER_HOUR } as const;
const DURATION = /^(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|m|h)?$/;

/** No span lasts longer than the representable time range (1970..2200); a longer duration is a typo. */
const MAX_DURATION_NS = MAX_UNIX_NANOS;
/** Digits beyond these cannot name a duration under MAX_DURATION_NS in any unit; refusing them early bounds the work. */
const MAX_DIGITS = 40;

/** `150ms`, `1.2s`, `500us`, `2m` or a bare number of milliseconds, as exact nanoseconds; null when malformed or longer than 1970..2200. */
export function parseDurationNs(text: string): bigint | null {
  const match = DURATION.exec(text.trim());
  if (!match || match[1].length > MAX_DIGITS) return null;
  const [, number, unit = "ms"] = match;
  const [whole, fraction = ""] = number.split(".");
  const scale = 10n ** BigInt(fraction.length);
  const nanos = (BigInt(whole + fraction) * UNIT_NANOS[unit as keyof typeof UNIT_NANOS]) / scale;
  return nanos <= MAX_DURATION_NS ? nanos : null;
}

/**
 * A query parameter parsed by `parse` (null when malformed), whose 400 says `problem` of
 * the text: the one shape of the duration parameters (this one and Go's, go-duration.ts).
 */
export function nanosParam(meta: { description: string; examples: string[] }, parse: (text: string) => bigint | null, problem: (text: string) => string) {
  return z
    .string()
    .meta(meta)
    .transform((text, context) => {
      const nanos = parse(text);
      if (nanos === null) {
        context.addIssue({ code: "custom", message: problem(text) });
        return z.NEVER;
      }
      return nanos;
    });
}

/** A duration query parameter (see parseDurationNs), parsed to bigint nanoseconds. */
export const DurationParam = nanosParam(
  { description: "A duration: `150ms`, `1.2s`, `500us`, `2m`, `1h`, or a number of milliseconds", examples: ["150ms", "1.2s", "250"] },
  parseDurationNs,
  (text) => `invalid duration "${text}": use a number with ns, us, ms, s, m or h (a bare number is milliseconds), at most ${MAX_DURATION_NS / NS_PER_HOUR}h`,
);
