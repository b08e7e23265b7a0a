import { z } from "zod";
import { defineEndpoint } from "../endpoint";
import { TypedAttributes } from "./span-fields";
import { UnixNano } from "./trace-summary";
import { TraceIdParams } from "./traces";

export const SpanIdParams = TraceIdParams.extend({
  spanId: z
    .string()
    .regex(/^[0-9a-fA-F]{16}$/, "a span id is 16 hex digits")
    .transform((id) => id.toLowerCase()),
});

/** A stored span at one end of a link. */
export const LinkedSpan = z.object({
  traceId: z.string(),
  spanId: z.string(),
  serviceName: z.string(),
  name: z.string(),
  startTimeUnixNano: UnixNano,
  durationMs: z.number(),
});
export type LinkedSpan = z.infer<typeof LinkedSpan>;

const LinkFields = { traceState: z.string().nullable(), attributes: TypedAttributes.meta({ description: "The link's own attributes" }) };

export const SpanLinks = z.object({
  links: z
    .array(
      z.object({
        traceId: z.string(),
        spanId: z.string(),
        ...LinkFields,
        span: LinkedSpan.nullable().meta({ description: "The linked span, looked up by its ids; null when it is not stored" }),
      }),
    )
    .meta({ description: "The span's own links, in its order" }),
  linkedFrom: z
    .array(LinkedSpan.extend(LinkFields))
    .meta({ description: "Stored spans (of any trace) with a link to this span, by start time: one entry per link" }),
  linkedFromComplete: z.boolean().meta({
    description:
      "False when linkedFrom may miss spans: ones stored before link targets were indexed (until retention has removed them), or more linking span writes than one answer reads (500)",
  }),
});
export type SpanLinks = z.infer<typeof SpanLinks>;

export const GetSpanLinksEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/traces/{traceId}/spans/{spanId}/links",
  summary: "A span's links both ways: the spans it links to, and the spans that link to it",
  description: [
    "Each of the span's links with the linked span's service, name, start and duration (null when that span is not stored),",
    "and `linkedFrom`: the stored spans whose links point at this span, found through the attribute index by the span's ids",
    "(no scan of spans). 404 when the span is not stored.",
  ].join(" "),
  tags: ["traces"],
  params: SpanIdParams,
  response: SpanLinks,
  errors: [400, 404],
  access: "read",
});
