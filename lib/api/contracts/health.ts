import { z } from "zod";
import { defineEndpoint } from "../endpoint";

export const HealthResponse = z.object({
  status: z.enum(["ok", "unavailable"]),
  version: z.string().meta({ description: "The app version (package.json)" }),
  database: z.object({
    ok: z.boolean(),
    provider: z.string().meta({ description: "sqlite or postgresql; unknown when DATABASE_URL cannot be read" }),
    latencyMs: z.number().int().meta({ description: "Time of a trivial query" }),
    error: z.string().optional().meta({ description: "First line of the database error when ok is false" }),
  }),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const GetHealthEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/health",
  summary: "Liveness and database reachability",
  description: "Answers 503 with the same body when the database cannot be reached.",
  tags: ["health"],
  response: HealthResponse,
  errors: [503],
  errorBody: HealthResponse,
  access: "public",
});
