import { setTimeout as sleep } from "node:timers/promises";
import { serverUrl, startServer, stopServer, type ServerHandle } from "@/bench/lib/servers.mjs";
import { freePortSync } from "@/scripts/lib/free-port.mjs";
import { BUILD_INPUTS, ROOT, sourceStamp } from "@/scripts/lib/setup.mjs";

/** The bearer tokens the instances are started with: every request below proves its access. */
export const TOKENS = { ingest: "mi-ingest-token", read: "mi-read-token", admin: "mi-admin-token" } as const;

export interface Answer {
  status: number;
  text: string;
  json<T = unknown>(): T;
}

/** One `next start` of the production build, and requests to it. */
export interface AppInstance {
  name: string;
  port: number;
  /** Every line the process printed so far. */
  lines: string[];
  get(pathAndQuery: string): Promise<Answer>;
  post(pathAndQuery: string, body: unknown, token: string): Promise<Answer>;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, text, json: <T>() => JSON.parse(text) as T };
}

function instanceClient(name: string, port: number, lines: string[]): AppInstance {
  const call = async (pathAndQuery: string, init: RequestInit) =>
    answerOf(await fetch(serverUrl(port, pathAndQuery), { ...init, signal: AbortSignal.timeout(30_000) }));
  return {
    name,
    port,
    lines,
    get: (pathAndQuery) => call(pathAndQuery, { headers: { authorization: `Bearer ${TOKENS.read}` } }),
    post: (pathAndQuery, body, token) =>
      call(pathAndQuery, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }),
  };
}

/** Fails unless `.next` holds a production build of the current sources (`npm test` builds before this stage). */
export function assertCurrentBuild(): void {
  if (sourceStamp(".next/.traceboard-build", BUILD_INPUTS).changed) {
    throw new Error("no production build of the current sources in .next: run `npm run build` first (npm test builds before this stage)");
  }
}

export interface Cluster {
  instances: AppInstance[];
  stop(): Promise<void>;
}

/**
 * Starts `count` production servers on free ports of 127.0.0.1, all on `databaseUrl`
 * with `env`, and waits until each answers /api/health from PostgreSQL. A port someone
 * else serves is refused before starting (never tested in our place). If any fails to
 * start, the ones started are stopped before the error is thrown.
 */
export async function startCluster(count: number, databaseUrl: string, env: Record<string, string>): Promise<Cluster> {
  const handles: ServerHandle[] = [];
  const stop = async () => {
    await Promise.all(handles.map((handle) => stopServer(handle)));
  };
  const starts = await Promise.allSettled(
    Array.from({ length: count }, async (_, index) => {
      const name = `instance ${index + 1}`;
      const lines: string[] = [];
      const port = freePortSync();
      const handle = await startServer({
        root: ROOT,
        name,
        port,
        attempts: 1,
        onLine: (line) => lines.push(line),
        env: {
          DATABASE_URL: databaseUrl,
          TRACEBOARD_INGEST_TOKEN: TOKENS.ingest,
          TRACEBOARD_READ_TOKEN: TOKENS.read,
          TRACEBOARD_ADMIN_TOKEN: TOKENS.admin,
          // Each instance's OTLP/gRPC receiver on a port of its own, as on separate hosts.
          TRACEBOARD_OTLP_GRPC_PORT: String(freePortSync()),
          TRACEBOARD_OTLP_GRPC_HOST: "127.0.0.1",
          ...env,
        },
      });
      handles.push(handle);
      const instance = instanceClient(name, port, lines);
      const health = (await instance.get("/api/health")).json<{ database: { provider: string } }>();
      if (health.database.provider !== "postgresql") throw new Error(`${name} on port ${port} is not ours: its database is ${health.database.provider}`);
      return instance;
    }),
  );
  const failed = starts.find((start) => start.status === "rejected");
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { instances: starts.map((start) => (start as PromiseFulfilledResult<AppInstance>).value), stop };
}

/** Calls `check` until it returns true or `timeoutMs` passes; false then. */
export async function pollUntil(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(intervalMs);
  }
}
