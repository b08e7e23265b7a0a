import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import { timeWindowShape, windowInOrder } from "@/lib/query/params/time-window";
import { UnixNano } from "./trace-summary";

/** Autocomplete looks back a day unless told: a key used once this morning should still be offered. */
export const ATTRIBUTE_LOOKBACK_MS = 24 * 60 * 60 * 1000;
export const MAX_ATTRIBUTE_LIMIT = 1_000;

const AttributeScope = z.enum(["span", "resource"]).meta({ description: "Where the attribute is set: on spans or on their resource" });

const ListQuery = {
  ...timeWindowShape,
  scope: AttributeScope.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_ATTRIBUTE_LIMIT).default(100),
};

export const AttributeKeysQuery = z
  .object({ ...ListQuery, service: z.string().min(1).optional().meta({ description: "Only keys of this service's spans" }) })
  .superRefine(windowInOrder(ATTRIBUTE_LOOKBACK_MS));
export type AttributeKeysQuery = z.output<typeof AttributeKeysQuery>;

export const AttributeKeyList = z.object({
  startTimeUnixNano: UnixNano,
  endTimeUnixNano: UnixNano,
  keys: z
    .array(z.object({ key: z.string(), scope: AttributeScope, spanCount: z.number().int() }))
    .meta({ description: "Most spans first, then by key. Counted per hour of span start: the hours the window touches count whole." }),
});
export type AttributeKeyList = z.infer<typeof AttributeKeyList>;

export const ListAttributeKeysEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/attributes",
  summary: "Attribute keys seen, with span counts (autocomplete)",
  description: "Keys of span and resource attributes on spans starting in the window (default: the last 24 hours), from the attribute index.",
  tags: ["attributes"],
  query: AttributeKeysQuery,
  response: AttributeKeyList,
  errors: [400],
  access: "read",
});

export const AttributeValuesQuery = z
  .object({ ...ListQuery, prefix: z.string().optional().meta({ description: "Only values starting with this text (case-sensitive)" }) })
  .superRefine(windowInOrder(ATTRIBUTE_LOOKBACK_MS));
export type AttributeValuesQuery = z.output<typeof AttributeValuesQuery>;

export const AttributeValueList = z.object({
  key: z.string(),
  startTimeUnixNano: UnixNano,
  endTimeUnixNano: UnixNano,
  values: z
    .array(
      z.object({
        value: z.string().meta({ description: "As typed in a search: an int in decimal digits, a bool as true or false" }),
        type: z.enum(["string", "int", "double", "bool"]),
        spanCount: z.number().int(),
      }),
    )
    .meta({ description: "Most spans first, then by value. Counted per day of span start: the days the window touches count whole." }),
  complete: z.boolean().meta({
    description:
      "False when the key had more distinct values on some day than the index lists (1,000 a day: ids and addresses); search still finds every value",
  }),
});
export type AttributeValueList = z.infer<typeof AttributeValueList>;

export const ListAttributeValuesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/attributes/{key}/values",
  summary: "Values of one attribute key, with span counts (autocomplete)",
  description: "Scalar values (strings up to 256 characters, numbers, booleans, array elements) on spans starting in the window (default: the last 24 hours).",
  tags: ["attributes"],
  params: z.object({ key: z.string().min(1) }),
  query: AttributeValuesQuery,
  response: AttributeValueList,
  errors: [400],
  access: "read",
});
