import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import { SpanIdParams } from "./span-links";
import { StoredSpan } from "./traces";

export const SpanDetailAnswer = z.object({
  spans: z
    .array(StoredSpan)
    .meta({ description: "The stored spans with this id, by start: one, or two for a span shared by client and server (Zipkin), which differ in kind" }),
});
export type SpanDetailAnswer = z.infer<typeof SpanDetailAnswer>;

export const GetSpanEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/traces/{traceId}/spans/{spanId}",
  summary: "One span with every field: attributes, resource, events with their attributes, links, scope and trace state",
  description: "What the compact trace view leaves out, read when a span is selected (one primary-key read). 404 when the span is not stored.",
  tags: ["traces"],
  params: SpanIdParams,
  response: SpanDetailAnswer,
  errors: [400, 404],
  access: "read",
});
