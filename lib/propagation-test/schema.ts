import { z } from "zod";

/** One callback the W3C Trace Context test harness asks for. */
export const PropagationTestItem = z.object({
  url: z.url({ protocol: /^https?$/ }).meta({ description: "An http or https URL to POST `arguments` to" }),
  arguments: z.unknown().optional(),
});
export type PropagationTestItem = z.infer<typeof PropagationTestItem>;

const PropagationTestItems = z.array(PropagationTestItem);

/** The shapes a body may have, as the API description shows them. */
const BodyShapes = z
  .union([PropagationTestItems, PropagationTestItem, z.null()])
  .meta({ description: "An array of callbacks, a single callback, or null / [] / an empty body for none" });

/** The one shape `body` has, checked alone, so an error names the index and field (`1.url`) or, for a single item, the field (`url`). */
function checkShape(body: unknown) {
  if (body === null) return PropagationTestItems.safeParse([]);
  if (Array.isArray(body)) return PropagationTestItems.safeParse(body);
  return PropagationTestItem.safeParse(body);
}

/**
 * The body, as the list of callbacks to make. A union alone would report a bad item of
 * an array as "no shape matched", so each shape is checked on its own first; the
 * description (the input side of this pipe) is the union.
 */
export const PropagationTestBody = z
  .transform((body: unknown, context) => {
    const checked = checkShape(body);
    for (const { path, message } of checked.success ? [] : checked.error.issues) context.addIssue({ code: "custom", path, message });
    return body;
  })
  .pipe(BodyShapes.transform((shape) => (shape === null ? [] : Array.isArray(shape) ? shape : [shape])));
