import { z } from "zod";

/** One callback the W3C Trace Context test harness asks for. */
export const PropagationTestItem = z.object({
  url: z.url({ protocol: /^https?$/ }).meta({ description: "An http or https URL to POST `arguments` to" }),
  arguments: z.unknown().optional(),
});
export type PropagationTestItem = z.infer<typeof PropagationTestItem>;

const PropagationTestItems = z.array(PropagationTestItem);

/** The body as the API description shows it; `parsePropagationTestBody` checks these shapes one by one. */
export const PropagationTestBody = z
  .union([PropagationTestItems, PropagationTestItem, z.null()])
  .meta({ description: "An array of callbacks, a single callback, or null / [] / an empty body for none" });

/**
 * The body: an array of items, a single item, or null / [] for nothing to do. Each
 * shape is checked on its own, so an error names the index and field (`1.url`) or,
 * for a single item, the field (`url`).
 */
export function parsePropagationTestBody(body: unknown) {
  if (body === null) return PropagationTestItems.safeParse([]);
  if (Array.isArray(body)) return PropagationTestItems.safeParse(body);
  return PropagationTestItem.transform((item) => [item]).safeParse(body);
}
