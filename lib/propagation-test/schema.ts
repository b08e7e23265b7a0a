import { z } from "zod";

/** One callback the W3C Trace Context test harness asks for. */
export const PropagationTestItem = z.object({
  url: z.url({ protocol: /^https?$/ }),
  arguments: z.unknown().optional(),
});
export type PropagationTestItem = z.infer<typeof PropagationTestItem>;

/** The body: an array of items, a single item, or null / [] for nothing to do. */
export const PropagationTestBody = z
  .union([z.null(), z.array(PropagationTestItem), PropagationTestItem])
  .transform((body) => (body === null ? [] : Array.isArray(body) ? body : [body]));
