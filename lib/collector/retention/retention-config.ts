import { z } from "zod";

const RetentionEnv = z.object({
  TRACEBOARD_RETENTION_HOURS: z.coerce.number().positive().default(168),
});

/** How long spans are kept, in seconds (TRACEBOARD_RETENTION_HOURS, default 7 days). */
export function retentionSeconds(env: Record<string, string | undefined> = process.env): number {
  const parsed = RetentionEnv.parse({ TRACEBOARD_RETENTION_HOURS: env.TRACEBOARD_RETENTION_HOURS || undefined });
  return Math.round(parsed.TRACEBOARD_RETENTION_HOURS * 3600);
}
