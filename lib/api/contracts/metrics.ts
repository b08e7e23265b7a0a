import { z } from "zod";
import { SPAN_KIND_NAMES } from "@/lib/domain/span-record";
import { defineEndpoint } from "../endpoint";
import { SpanKindParam } from "@/lib/query/params/span-enum-params";
import { StepParam } from "@/lib/query/params/step";
import { DEFAULT_LOOKBACK_MS, timeWindowShape, toTimeWindow, windowInOrder } from "@/lib/query/params/time-window";
import { MAX_BUCKETS, minimumStepSeconds, seriesLayout } from "@/lib/query/metrics/series-step";
import { UnixNano } from "./trace-summary";

/** A step that would cut the window into more than MAX_BUCKETS buckets gets a 400 naming the smallest step allowed. */
function stepFitsWindow(query: { start?: bigint; end?: bigint; step?: bigint }, context: z.RefinementCtx): void {
  const window = toTimeWindow(query, DEFAULT_LOOKBACK_MS);
  if (window.startNs > window.endNs || query.step === undefined) return;
  const { count } = seriesLayout(window, query.step);
  if (count > MAX_BUCKETS) {
    context.addIssue({
      code: "custom",
      path: ["step"],
      message: `step gives ${count} buckets over this window; at most ${MAX_BUCKETS} (use a step of at least ${minimumStepSeconds(window)}s)`,
    });
  }
}

export const MetricsQuery = z
  .object({
    service: z.string().min(1).optional().meta({ description: "Only spans of this service" }),
    operation: z.string().min(1).optional().meta({ description: "Only spans of this name" }),
    kind: SpanKindParam.optional().meta({ description: "Count spans of this kind as requests (default: server and consumer spans)" }),
    step: StepParam.optional().meta({
      description: `Bucket width; default: the smallest of 1s, 5s, 10s, 15s, 30s, 1m, 5m, 10m, 15m, 30m, 1h, 2h, 6h, 12h, 1d giving at most 300 buckets. At most ${MAX_BUCKETS} buckets.`,
    }),
    ...timeWindowShape,
  })
  .superRefine(windowInOrder())
  .superRefine(stepFitsWindow);
export type MetricsQuery = z.output<typeof MetricsQuery>;

const Rate = z.number().nullable().meta({ description: "errorCount / requestCount; null without requests" });
const LatencyMs = z.number().nullable().meta({ description: "Milliseconds, within quantileRelativeError of the exact nearest-rank quantile; null without requests" });

const Red = {
  requestCount: z.number().int(),
  errorCount: z.number().int(),
  errorRate: Rate,
  p50Ms: LatencyMs,
  p95Ms: LatencyMs,
  p99Ms: LatencyMs,
};

export const MetricsPoint = z.object({
  startTimeUnixNano: UnixNano.meta({ description: "Start of the bucket (a multiple of the step since the epoch); the first and last buckets are clipped to the window" }),
  ...Red,
});

export const OperationMetrics = z.object({
  service: z.string(),
  operation: z.string(),
  kind: z.enum(SPAN_KIND_NAMES),
  ...Red,
  avgMs: z.number().nullable(),
});

export const MetricsResponse = z.object({
  startTimeUnixNano: UnixNano,
  endTimeUnixNano: UnixNano,
  stepMs: z.number(),
  kinds: z.array(z.enum(SPAN_KIND_NAMES)).meta({ description: "The span kinds counted as requests" }),
  quantileRelativeError: z.number().meta({ description: "Bound on the relative error of every latency quantile (log-bucket histograms)" }),
  series: z.array(MetricsPoint).meta({ description: "One point per step bucket, oldest first, empty buckets included" }),
  operations: z.array(OperationMetrics).meta({ description: "Per (service, operation, kind) over the whole window, most requests first" }),
});
export type MetricsResponse = z.infer<typeof MetricsResponse>;

export const GetMetricsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/metrics",
  summary: "RED metrics: request rate, errors and latency quantiles over time, and per operation",
  description:
    "Requests are spans starting in the window: of kind server or consumer (the spans that receive work, as Jaeger's SPM counts), or of the kind given. " +
    "Buckets are aligned to multiples of the step since the epoch. With a step that is a multiple of 5 minutes, whole 5-minute buckets come from roll-ups (kept exact by change counters), the rest from the spans.",
  tags: ["metrics"],
  query: MetricsQuery,
  response: MetricsResponse,
  errors: [400],
  access: "read",
});
