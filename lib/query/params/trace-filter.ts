import { queryFields, type TraceQLQuery } from "@/lib/query/traceql";
import { TraceQLParam } from "./traceql";

/** Intrinsics of the whole trace, which a filter of one trace's spans cannot use. */
const TRACE_INTRINSICS = new Set(["rootName", "rootServiceName", "traceDuration"]);

/**
 * The `q` of Tempo's trace by id v2 (pkg/api ParseTraceByIDFilterParams and the
 * frontend's tracefilter): one spanset filter `{ ... }` whose matching spans the answer
 * keeps. Spanset operators and trace-level intrinsics are a 400, as Tempo refuses them.
 */
export const TraceFilterParam = TraceQLParam.superRefine((query: TraceQLQuery, context) => {
  if (query.root.kind !== "filter") {
    context.addIssue({ code: "custom", message: "invalid TraceQL filter: only a single spanset filter `{ ... }` is supported" });
    return;
  }
  const traceLevel = queryFields(query).flatMap((field) => (field.kind === "intrinsic" && TRACE_INTRINSICS.has(field.intrinsic) ? [field.intrinsic] : []));
  if (traceLevel.length > 0) context.addIssue({ code: "custom", message: `invalid TraceQL filter: trace-level intrinsics are not supported: ${traceLevel.join(", ")}` });
});
