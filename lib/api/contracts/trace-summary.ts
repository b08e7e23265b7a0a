import { z } from "zod";

export const UnixNano = z.string().regex(/^\d+$/).meta({ description: "Unix time in nanoseconds, exact, as a decimal string" });

export const ServiceSpanCounts = z.object({
  name: z.string(),
  spanCount: z.number().int(),
  errorCount: z.number().int(),
});

/** One trace as the trace list, trace detail and correlate show it (from the summary kept at ingest). */
export const TraceSummary = z.object({
  traceId: z.string().regex(/^[0-9a-f]{32}$/),
  rootService: z.string(),
  rootName: z.string(),
  /** False while no parentless span has arrived; the root fields then come from the earliest span. */
  hasRoot: z.boolean(),
  startTimeUnixNano: UnixNano,
  endTimeUnixNano: UnixNano,
  durationMs: z.number(),
  spanCount: z.number().int(),
  errorCount: z.number().int(),
  services: z.array(ServiceSpanCounts).meta({ description: "Services with their span counts, most spans first" }),
});
export type TraceSummary = z.infer<typeof TraceSummary>;
