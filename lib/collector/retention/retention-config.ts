import { z } from "zod";

/** One schema per variable, so a bad value of one never stops the other from being read. */
const RetentionHoursEnv = z.object({ TRACEBOARD_RETENTION_HOURS: z.coerce.number().positive().default(168) });
const RetentionIntervalEnv = z.object({ TRACEBOARD_RETENTION_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(600) });

/** How long spans are kept, in seconds (TRACEBOARD_RETENTION_HOURS, default 7 days). */
export function retentionSeconds(env: Record<string, string | undefined> = process.env): number {
  const parsed = RetentionHoursEnv.parse({ TRACEBOARD_RETENTION_HOURS: env.TRACEBOARD_RETENTION_HOURS || undefined });
  return Math.round(parsed.TRACEBOARD_RETENTION_HOURS * 3600);
}

/** The period of scheduled retention, in milliseconds (TRACEBOARD_RETENTION_INTERVAL_SECONDS, default 10 minutes). */
export function retentionIntervalMs(env: Record<string, string | undefined> = process.env): number {
  const parsed = RetentionIntervalEnv.parse({ TRACEBOARD_RETENTION_INTERVAL_SECONDS: env.TRACEBOARD_RETENTION_INTERVAL_SECONDS || undefined });
  return parsed.TRACEBOARD_RETENTION_INTERVAL_SECONDS * 1000;
}
