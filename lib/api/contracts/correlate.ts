import { z } from "zod";
import { TraceIdParam } from "@/lib/query/params/hex-ids";
import { defineEndpoint } from "../endpoint";
import { AuditEvent, pageShape } from "./audit";
import { TraceSummary } from "./trace-summary";

export const CorrelateTraceEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/correlate/{traceId}",
  summary: "A trace's summary and its audit events side by side",
  description:
    "Always 200 for a well-formed trace-id: the flags say whether spans and audit events exist (a trace may be known from audit events only, or from spans only).",
  tags: ["traces", "audit"],
  params: z.object({ traceId: TraceIdParam }),
  query: z.object(pageShape),
  response: z.object({
    traceId: z.string(),
    trace: TraceSummary.nullable(),
    auditEvents: z.array(AuditEvent).meta({ description: "Newest first; page on with `cursor`" }),
    nextCursor: z.string().nullable(),
    trace_found: z.boolean().meta({ description: "The store has a summary of this trace" }),
    audit_log_count: z.number().int().meta({ description: "All audit events of this trace (not only this page)" }),
    has_span_data: z.boolean().meta({ description: "The trace has at least one stored span" }),
    has_audit_data: z.boolean(),
  }),
  errors: [400],
  access: "read",
});
