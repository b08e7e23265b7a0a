import { z } from "zod";

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
