import type { APIRequestContext } from "@playwright/test";
import { seedTrace, uniqueService } from "./seed-traces";

export interface SeededCalls {
  web: string;
  api: string;
  db: string;
}

/**
 * `count` checkout traces over three fresh services, web -> api -> db, one a minute back
 * from now; the first trace's root fails. Durations grow 10 ms a trace (40, 50, ...).
 */
export async function seedCheckoutTraces(request: APIRequestContext, count: number, prefix: string): Promise<SeededCalls> {
  const services = { web: uniqueService(`${prefix}-web`), api: uniqueService(`${prefix}-api`), db: uniqueService(`${prefix}-db`) };
  for (let index = 0; index < count; index++) {
    await seedTrace(
      request,
      [
        { id: "root", service: services.web, name: "GET /checkout", kind: "server", startMs: 0, durationMs: 40 + index * 10, error: index === 0 ? "card declined" : undefined },
        { id: "call", parent: "root", service: services.web, name: "POST /charge", kind: "client", startMs: 5, durationMs: 20 },
        { id: "charge", parent: "call", service: services.api, name: "POST /charge", kind: "server", startMs: 6, durationMs: 18 },
        { id: "query", parent: "charge", service: services.db, name: "SELECT payments", kind: "server", startMs: 8, durationMs: 5 },
      ],
      Date.now() - (index + 1) * 60_000,
    );
  }
  return services;
}
