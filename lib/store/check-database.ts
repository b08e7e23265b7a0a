import "server-only";
import { resolveDatabaseTarget } from "./database-target";
import { getDb } from "./db";

export interface DatabaseHealth {
  ok: boolean;
  provider: string;
  latencyMs: number;
  error?: string;
}

/** Round-trips a trivial query; never throws. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  const started = performance.now();
  let provider = "unknown";
  try {
    provider = resolveDatabaseTarget().provider;
    await getDb().$queryRaw`SELECT 1`;
    return { ok: true, provider, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ok: false, provider, latencyMs: Math.round(performance.now() - started), error: message };
  }
}
