import { z } from "zod";
import { MAX_UNIX_NANOS } from "@/lib/domain/representable-time";
import { NS_PER_S } from "@/lib/domain/time-units";
import { parseDurationNs } from "./duration";

const BARE_SECONDS = /^\d+$/;

/** `30s`, `5m`, `1h` (units as in DurationParam) or a bare whole number of seconds (Prometheus' convention), as nanoseconds; null when malformed. */
export function parseStepNs(text: string): bigint | null {
  const trimmed = text.trim();
  if (!BARE_SECONDS.test(trimmed)) return parseDurationNs(trimmed);
  return trimmed.length <= 20 && BigInt(trimmed) * NS_PER_S <= MAX_UNIX_NANOS ? BigInt(trimmed) * NS_PER_S : null;
}

/** A series step query parameter of at least one second, parsed to bigint nanoseconds. */
export const StepParam = z
  .string()
  .meta({ description: "Bucket width: `30s`, `5m`, `1h`, or a whole number of seconds; at least 1s", examples: ["5m", "60"] })
  .transform((text, context) => {
    const nanos = parseStepNs(text);
    if (nanos === null || nanos < NS_PER_S) {
      context.addIssue({ code: "custom", message: `invalid step "${text}": use a duration of at least 1s (\`30s\`, \`5m\`, \`1h\`) or a number of seconds` });
      return z.NEVER;
    }
    return nanos;
  });
