import { z } from "zod";
import { PropagationTestBody } from "@/lib/propagation-test/schema";
import { defineEndpoint } from "../endpoint";

const ReceivedHeader = z.string().nullable();

export const ContextResponse = z.object({
  context: z
    .object({
      traceId: z.string().regex(/^[0-9a-f]{32}$/),
      spanId: z.string().regex(/^[0-9a-f]{16}$/),
      parentSpanId: z.string().regex(/^[0-9a-f]{16}$/).nullable(),
      sampled: z.boolean(),
      traceparent: z.string(),
      tracestate: z.string().nullable(),
    })
    .nullable()
    .meta({ description: "The context this server continued or started; null when route tracing is off for the path" }),
  requestHeaders: z
    .object({ traceparent: ReceivedHeader, tracestate: ReceivedHeader, xTraceId: ReceivedHeader })
    .meta({ description: "What the handler received, after propagation rewrote the request headers" }),
});

export const GetTraceContextEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/context",
  summary: "The trace context of this request",
  description: "Send `traceparent`/`tracestate` (or `X-Trace-ID`) to see how the server continues them.",
  tags: ["propagation"],
  response: ContextResponse,
  access: "read",
});

export const PropagationTestResponse = z.object({
  results: z.array(
    z.union([
      z.object({ url: z.string(), status: z.number().int().meta({ description: "HTTP status of the callback" }) }),
      z.object({ url: z.string(), error: z.string().meta({ description: "Why the callback failed" }) }),
    ]),
  ),
});

export const RunPropagationTestEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/tracing/propagation-test",
  summary: "W3C Trace Context test-suite endpoint",
  description:
    "Calls each callback URL in order, POSTing its `arguments` with the current trace context. Off (404) unless TRACEBOARD_PROPAGATION_TEST=1.",
  externalDocs: { url: "https://github.com/w3c/trace-context/tree/main/test", description: "W3C Trace Context test suite" },
  tags: ["propagation"],
  body: PropagationTestBody,
  response: PropagationTestResponse,
  errors: [400, 404],
  access: "public",
});
