import { z } from "zod";
import { defineEndpoint } from "../endpoint";

export const CleanupQuery = z.object({
  max_age_seconds: z
    .string()
    .regex(/^\d+$/, "expected a whole number of seconds")
    // The limit as the API description can show it (a pattern cannot say "at most"); the pipe checks the rest.
    .max(16, "expected at most 9007199254740991 seconds")
    .meta({ examples: ["86400"] })
    .transform(Number)
    .pipe(z.number().max(Number.MAX_SAFE_INTEGER))
    .optional()
    .meta({ description: "Delete spans that started more than this many seconds ago; at most 9007199254740991; default the retention setting (TRACEBOARD_RETENTION_HOURS)" }),
});

export const CleanupResponse = z.object({
  maxAgeSeconds: z.number().int(),
  cutoff: z.iso.datetime().meta({ description: "Spans that started before this time were deleted" }),
  deletedSpans: z.number().int(),
  deletedTraces: z.number().int().meta({ description: "Trace summaries left without spans, deleted with them" }),
});

export const RunCleanupEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/tracing/cleanup",
  summary: "Delete spans older than an age",
  tags: ["retention"],
  query: CleanupQuery,
  response: CleanupResponse,
  errors: [400, 401],
  access: "admin",
});
