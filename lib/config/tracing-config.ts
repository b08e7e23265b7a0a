import { z } from "zod";
import { parseSampleRatio } from "@/lib/trace-context";

const commaList = z
  .string()
  .optional()
  .transform((value) => (value ?? "").split(",").map((item) => item.trim()).filter(Boolean));

const TracingEnv = z.object({
  TRACE_SAMPLE_RATIO: z.string().optional(),
  /** Path prefixes that get no trace headers (comma separated). */
  TRACEBOARD_PROPAGATION_EXCLUDE: z.string().optional(),
  /** Origins allowed to call the API from a browser (comma separated); none by default. */
  TRACEBOARD_CORS_ORIGINS: commaList,
  /** `0` turns the API route wrapper off (used by the overhead benchmark's baseline). */
  TRACEBOARD_TRACING: z.enum(["0", "1"]).optional(),
  /** `1` enables the W3C conformance endpoint, which makes outbound requests. */
  TRACEBOARD_PROPAGATION_TEST: z.enum(["0", "1"]).optional(),
});

export interface TracingConfig {
  sampleRatio: number;
  excludePaths: string[];
  corsOrigins: string[];
  routeTracingEnabled: boolean;
  propagationTestEnabled: boolean;
}

export const DEFAULT_EXCLUDE_PATHS = ["/api/health"];

export function loadTracingConfig(env: Record<string, string | undefined> = process.env): TracingConfig {
  const parsed = TracingEnv.parse(env);
  return {
    sampleRatio: parseSampleRatio(parsed.TRACE_SAMPLE_RATIO, 1),
    excludePaths:
      parsed.TRACEBOARD_PROPAGATION_EXCLUDE === undefined
        ? DEFAULT_EXCLUDE_PATHS
        : commaList.parse(parsed.TRACEBOARD_PROPAGATION_EXCLUDE),
    corsOrigins: parsed.TRACEBOARD_CORS_ORIGINS,
    routeTracingEnabled: parsed.TRACEBOARD_TRACING !== "0",
    propagationTestEnabled: parsed.TRACEBOARD_PROPAGATION_TEST === "1",
  };
}

let cached: TracingConfig | undefined;

/** The configuration of this process, read once from the environment. */
export function tracingConfig(): TracingConfig {
  cached ??= loadTracingConfig();
  return cached;
}

/** True when `pathname` is one of the excluded paths or below one. */
export function isExcludedPath(pathname: string, excludePaths: readonly string[]): boolean {
  return excludePaths.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix.replace(/\/$/, "")}/`));
}
