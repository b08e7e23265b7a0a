import { z } from "zod";
import { ABSOLUTE_TOLERANCE_MS, DIFF_STATES, RELATIVE_TOLERANCE } from "@/lib/trace-compare/diff-state";
import { defineEndpoint } from "../endpoint";
import { TraceSummary } from "./trace-summary";
import { TraceIdParams } from "./traces";

const TraceIdParam = TraceIdParams.shape.traceId;

export const CompareTracesQuery = z.object({
  a: TraceIdParam.meta({ description: "The trace to compare from (32 hex digits)" }),
  b: TraceIdParam.meta({ description: "The trace to compare with; differences are B minus A" }),
});

const SideMeasure = z.object({
  count: z.number().int().meta({ description: "Spans of this trace at the node's path (repeated siblings add up)" }),
  totalMs: z.number().meta({ description: "Their durations added up" }),
  selfMs: z.number().meta({ description: "Their self times added up: duration minus the time children cover, overlapping children once" }),
  firstSpanId: z.string().nullable().meta({ description: "The earliest of them, to open in its trace; null when the trace has none here" }),
});

const DiffStateName = z.enum(DIFF_STATES).meta({
  description: `only-a / only-b: present in one trace only; slower / faster: B's total differs from A's by more than max(${RELATIVE_TOLERANCE * 100}%, ${ABSOLUTE_TOLERANCE_MS} ms); else unchanged`,
});

const MergedNode = z.object({
  parent: z.number().int().nullable().meta({ description: "Index of the parent node in `nodes`; null for a root or an orphan" }),
  depth: z.number().int(),
  serviceName: z.string(),
  name: z.string(),
  orphan: z.boolean().meta({ description: "Spans whose parent span is not in their trace" }),
  a: SideMeasure,
  b: SideMeasure,
  diffMs: z.number().meta({ description: "b.totalMs - a.totalMs" }),
  selfDiffMs: z.number().meta({ description: "b.selfMs - a.selfMs" }),
  state: DiffStateName,
  subtreeSize: z.number().int().meta({ description: "Nodes in this subtree, itself included: this node and the next subtreeSize - 1" }),
  changed: z.boolean().meta({ description: "This node or one below is not unchanged, or its span counts differ (the dashboard collapses subtrees where this is false)" }),
});

const Contribution = z.object({
  node: z.number().int().meta({ description: "Index in `nodes`" }),
  serviceName: z.string(),
  name: z.string(),
  selfMsA: z.number(),
  selfMsB: z.number(),
  selfDiffMs: z.number(),
});

export const CompareTracesResult = z.object({
  a: TraceSummary,
  b: TraceSummary,
  diffMs: z.number().meta({ description: "b.durationMs - a.durationMs" }),
  nodes: z.array(MergedNode).meta({
    description: "The two span trees merged by their path of (service, operation) from the root, depth first, siblings by earliest start within their trace",
  }),
  contributions: z.array(Contribution).meta({
    description:
      "The largest changes of self time (beyond the tolerance), largest first: where the duration difference was spent. Self time rather than total, which every ancestor of a slow span would inherit",
  }),
  stateCounts: z.object(Object.fromEntries(DIFF_STATES.map((state) => [state, z.number().int()])) as Record<(typeof DIFF_STATES)[number], z.ZodNumber>),
});
export type CompareTracesResult = z.infer<typeof CompareTracesResult>;

export const GetTraceComparisonEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/compare",
  summary: "Two traces compared: their span trees merged by (service, operation) path, with counts, durations and differences",
  description: [
    "Each node of the merged tree has each trace's span count, total and self time, the difference (B - A) and a state.",
    "Times are compared within each trace only, so traces from hosts whose clocks disagree compare by durations.",
    "404 names the trace (a, b or both) that is not stored.",
  ].join(" "),
  tags: ["traces"],
  query: CompareTracesQuery,
  response: CompareTracesResult,
  errors: [400, 404],
  access: "read",
});
