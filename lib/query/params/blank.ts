import { z } from "zod";
import { MAX_UNIX_NANOS, MAX_UNIX_NANOS_TEXT } from "@/lib/domain/representable-time";

/**
 * An optional query parameter that may also be sent empty (`minDuration=`), as Jaeger UI
 * and other clients of the Jaeger and Zipkin APIs do: empty reads as absent, as Go's
 * `FormValue` and Zipkin's server read it. Anything else is parsed by `schema`, whose
 * message a 400 keeps.
 */
export function orBlank<S extends z.ZodType<unknown, string>>(schema: S) {
  return z
    .string()
    .transform((text) => (text === "" ? undefined : text))
    .pipe(schema.optional())
    .optional();
}

/** A whole number of some unit (epoch micro- or milliseconds, a duration), exact. */
export const WholeNumberParam = z
  .string()
  .regex(/^\d{1,18}$/, "expected a whole number")
  .transform((text) => BigInt(text));

/** A count (a limit): a whole number below a billion. */
export const CountParam = z
  .string()
  .regex(/^\d{1,9}$/, "expected a whole number")
  .transform((text) => Number(text));

/**
 * A whole number of `unitNs` nanoseconds (epoch micro- or milliseconds, a duration in
 * them) as exact nanoseconds; a 400 past the representable time range (1970..2200).
 */
export function wholeUnitsAsNanos(unitNs: bigint, unit: string) {
  return WholeNumberParam.transform((count, context) => {
    const nanos = count * unitNs;
    if (nanos > MAX_UNIX_NANOS) {
      context.addIssue({ code: "custom", message: `expected ${unit} up to ${MAX_UNIX_NANOS_TEXT}` });
      return z.NEVER;
    }
    return nanos;
  });
}
