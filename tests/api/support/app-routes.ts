import { readdirSync } from "node:fs";
import path from "node:path";
import type { RouteModule } from "./route-server";

const APP_DIR = path.resolve(import.meta.dirname, "../../../app");

/** `app/api/tracing/traces/[traceId]/route.ts` -> `/api/tracing/traces/[traceId]`; route groups `(x)` add no segment. */
function routePattern(file: string): string {
  const segments = path.relative(APP_DIR, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** The methods a route module may export. */
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** `/api/tracing/traces/[traceId]` -> `/api/tracing/traces/{traceId}`, the path template of its contract. */
export const routeTemplate = (pattern: string) => pattern.replace(/\[([^\]/]+)\]/g, "{$1}");

/** Every `app/**\/route.ts` of the app, so tests serve exactly the routes Next serves. */
export function routeFiles(): Array<{ pattern: string; file: string }> {
  return readdirSync(APP_DIR, { recursive: true, encoding: "utf8" })
    .filter((relative) => path.basename(relative) === "route.ts")
    .map((relative) => path.join(APP_DIR, relative))
    .map((file) => ({ pattern: routePattern(file), file }));
}

/** Imports every route module (fresh, after vi.resetModules) keyed by its pattern. */
export async function loadAppRoutes(): Promise<Record<string, RouteModule>> {
  const loaded = await Promise.all(routeFiles().map(async ({ pattern, file }) => [pattern, (await import(file)) as RouteModule] as const));
  return Object.fromEntries(loaded);
}
