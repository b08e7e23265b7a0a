import { z } from "zod";
import { SPAN_KIND_NAMES, STATUS_CODE_NAMES } from "@/lib/domain/span-record";
import { defineEndpoint } from "../endpoint";

const Count = z.number().int();
const countsOf = <const T extends readonly string[]>(names: T) => z.object(Object.fromEntries(names.map((name) => [name, Count])) as { [K in T[number]]: typeof Count });

export const StatisticsResponse = z.object({
  total_spans: Count,
  total_traces: Count,
  status_distribution: countsOf(STATUS_CODE_NAMES).meta({ description: "Stored spans per status" }),
  kind_distribution: countsOf(SPAN_KIND_NAMES).meta({ description: "Stored spans per kind" }),
  average_duration_ms: z.number().nullable().meta({ description: "Mean span duration; null without spans" }),
  storage_bytes: Count.meta({ description: "Database size on disk (SQLite file and WAL, or the PostgreSQL database)" }),
  ingest: z
    .object({
      accepted: Count,
      rejected: Count,
      duplicates: Count.meta({ description: "Spans whose ids were stored already (retries), ignored" }),
      conflicts: Count.meta({ description: "Of the duplicates, spans whose content differed from the stored one: not stored, reported to the sender as rejected" }),
      refused: Count,
      queue_depth: Count,
      batches: Count,
      dropped: z.literal(0),
    })
    .meta({ description: "Counters of this process since it started" }),
});
export type StatisticsResponse = z.infer<typeof StatisticsResponse>;

export const GetStatisticsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/statistics",
  summary: "Span and trace totals, status and kind distributions, average duration, storage size and ingest counters",
  description: "Field names are the seed's (snake_case). Distributions and the average come from the roll-ups, refreshed first.",
  tags: ["statistics"],
  response: StatisticsResponse,
  access: "read",
});
