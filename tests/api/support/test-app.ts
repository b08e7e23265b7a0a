import http from "node:http";
import { vi } from "vitest";
import type { Attributes, SpanEvent, SpanLink } from "@/lib/domain/span-record";
import { loadAppRoutes } from "./app-routes";
import { serveRoutes, type RouteModule, type RouteServer } from "./route-server";
import { createSqliteDatabase, type TestDatabase } from "./test-database";

/**
 * Every variable the app reads. Each app starts with all of them unset except those it
 * is given, so a developer's shell cannot change what a test sees.
 */
const APP_ENV = [
  "DATABASE_URL",
  "TRACE_SAMPLE_RATIO",
  "TRACEBOARD_PROPAGATION_EXCLUDE",
  "TRACEBOARD_CORS_ORIGINS",
  "TRACEBOARD_TRACING",
  "TRACEBOARD_PROPAGATION_TEST",
  "TRACEBOARD_MAX_BODY_BYTES",
  "TRACEBOARD_MAX_JSON_BODY_BYTES",
  "TRACEBOARD_INGEST_TOKEN",
  "TRACEBOARD_ADMIN_TOKEN",
  "TRACEBOARD_QUEUE_MAX_SPANS",
  "TRACEBOARD_BATCH_MAX_SPANS",
  "TRACEBOARD_RETENTION_HOURS",
  "TRACEBOARD_INGEST_RATE_LIMIT",
  "TRACEBOARD_INGEST_RATE_BURST",
  "TRACEBOARD_READ_TOKEN",
  "TRACEBOARD_TRUSTED_PROXIES",
] as const;
export type AppEnv = Partial<Record<Exclude<(typeof APP_ENV)[number], "DATABASE_URL">, string>>;

/** The process-wide singletons the app keeps on globalThis (store, Prisma client, ingest queue, self-span exporter, audit writer, roll-up threads). */
const APP_GLOBALS = [
  "traceboardIngest",
  "traceboardSpanStore",
  "traceboardDb",
  "traceboardSelfExporter",
  "traceboardAuditWriter",
  "traceboardQueryObserver",
  "traceboardRollupThreads",
] as const;
const globals = globalThis as unknown as Record<(typeof APP_GLOBALS)[number], unknown>;

/** The app's modules, all loaded fresh for one app so their cached configuration matches its env. */
async function loadModules() {
  const [routes, ingestService, spanExporter, spanStore, db, withTracing, auditWriter, selfTracing, peerAddress, rollupThread, grpcServer] = await Promise.all([
    loadAppRoutes(),
    import("@/lib/collector/ingest/ingest-service"),
    import("@/lib/tracing/span-exporter"),
    import("@/lib/store/span-store"),
    import("@/lib/store/db"),
    import("@/lib/tracing/with-tracing"),
    import("@/lib/store/audit/audit-writer"),
    import("@/lib/server/self-tracing"),
    import("@/lib/server/peer-address"),
    import("@/lib/store/sqlite/sqlite-rollup-thread"),
    import("@/lib/collector/grpc/otlp-grpc-server"),
  ]);
  // What the server lifecycle does at start (instrumentation.ts), for these fresh modules.
  selfTracing.connectSelfTracing();
  peerAddress.stampPeerAddresses();
  return {
    routes,
    ingestQueue: ingestService.ingestQueue,
    ingestCounters: ingestService.ingestCounters,
    selfSpanExporter: spanExporter.selfSpanExporter,
    getSpanStore: spanStore.getSpanStore,
    getDb: db.getDb,
    withTracing: withTracing.withTracing,
    getAuditWriter: auditWriter.getAuditWriter,
    closeSqliteRollupThreads: rollupThread.closeSqliteRollupThreads,
    startOtlpGrpcServer: grpcServer.startOtlpGrpcServer,
  };
}
export type AppModules = Awaited<ReturnType<typeof loadModules>>;

/** A span row as stored, with its JSON columns parsed. */
export interface StoredSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: number;
  serviceName: string;
  startTimeNs: bigint;
  endTimeNs: bigint;
  durationNs: bigint;
  statusCode: number;
  statusMessage: string | null;
  attributes: Attributes;
  resourceAttributes: Attributes;
  events: SpanEvent[];
  links: SpanLink[];
  scopeName: string | null;
  scopeVersion: string | null;
  traceState: string | null;
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The body parsed as JSON (throws when it is not). */
  json(): unknown;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Send the body with Transfer-Encoding: chunked (no Content-Length). */
  chunked?: boolean;
}

/** One HTTP request with full control of headers and framing (fetch adds and normalizes headers). */
export function send(url: string, options: SendOptions = {}): Promise<HttpAnswer> {
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (body && !options.chunked) headers["content-length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? (body ? "POST" : "GET"), headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const answer = Buffer.concat(chunks);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: answer,
          json: () => JSON.parse(answer.toString("utf8")),
        });
      });
    });
    request.on("error", reject);
    if (body && options.chunked) {
      // Two writes, so the body really goes out in chunks.
      const half = Math.floor(body.length / 2);
      request.write(body.subarray(0, half));
      request.end(body.subarray(half));
    } else {
      request.end(body);
    }
  });
}

export interface TestApp {
  url: string;
  /** The app's OTLP/gRPC receiver, on a port of its own: `host:port`. */
  grpcAddress: string;
  database: TestDatabase;
  modules: AppModules;
  server: RouteServer;
  send(path: string, options?: SendOptions): Promise<HttpAnswer>;
  postJson(path: string, document: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
  /** Hands buffered self-tracing spans to the queue and waits until everything queued is committed. */
  flushSelfSpans(): Promise<void>;
  spans(where?: { traceId?: string; serviceName?: string; name?: string }): Promise<StoredSpan[]>;
  traceSummary(traceId: string): Promise<{
    trace: { rootService: string; rootName: string; hasRoot: boolean; startTimeNs: bigint; endTimeNs: bigint; durationNs: bigint; spanCount: number; errorCount: number } | null;
    services: Array<{ serviceName: string; startTimeNs: bigint; spanCount: number; errorCount: number }>;
  }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: AppEnv;
  /** Default: a fresh migrated SQLite file, disposed on close. */
  database?: TestDatabase;
  /** Extra routes, e.g. handlers wrapped with the app's `withTracing`. */
  extraRoutes?: (modules: AppModules) => Record<string, RouteModule>;
}

/**
 * The collector and tracing routes over real HTTP on a migrated database of their own.
 * Modules are re-imported (vi.resetModules) after the environment is stubbed, and the
 * app's globalThis singletons are cleared, so every app reads its own configuration.
 * Call close() in afterAll: it flushes, closes the queue, the server, the store and the
 * Prisma client, and removes the database.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createSqliteDatabase());
  for (const key of APP_GLOBALS) delete globals[key];
  vi.resetModules();
  for (const key of APP_ENV) vi.stubEnv(key, key === "DATABASE_URL" ? database.url : options.env?.[key as keyof AppEnv]);
  const modules = await loadModules();
  const server = await serveRoutes({ ...modules.routes, ...options.extraRoutes?.(modules) });
  const grpc = (await modules.startOtlpGrpcServer({ host: "127.0.0.1", port: 0 }))!;
  const db = () => modules.getDb();

  const app: TestApp = {
    url: server.url,
    grpcAddress: `127.0.0.1:${grpc.port}`,
    database,
    modules,
    server,
    send: (path, sendOptions) => send(`${server.url}${path}`, sendOptions),
    postJson: (path, document, headers = {}) =>
      send(`${server.url}${path}`, { body: JSON.stringify(document), headers: { "content-type": "application/json", ...headers } }),
    async flushSelfSpans() {
      await modules.selfSpanExporter().flush();
      await modules.ingestQueue().drained();
    },
    async spans(where = {}) {
      const rows = await db().span.findMany({ where, orderBy: [{ startTimeNs: "asc" }, { spanId: "asc" }, { kind: "asc" }] });
      const resources = await db().spanResource.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.resourceId))] } } });
      const byId = new Map(resources.map((resource) => [resource.id, resource]));
      return rows.map(({ resourceId, ...row }) => ({
        ...row,
        scopeName: byId.get(resourceId)!.scopeName,
        scopeVersion: byId.get(resourceId)!.scopeVersion,
        attributes: JSON.parse(row.attributes) as Attributes,
        resourceAttributes: JSON.parse(byId.get(resourceId)!.attributes) as Attributes,
        events: JSON.parse(row.events) as SpanEvent[],
        links: JSON.parse(row.links) as SpanLink[],
      }));
    },
    async traceSummary(traceId) {
      const trace = await db().trace.findUnique({ where: { traceId } });
      const services = await db().traceService.findMany({ where: { traceId }, orderBy: { serviceName: "asc" } });
      return {
        trace: trace && {
          rootService: trace.rootService,
          rootName: trace.rootName,
          hasRoot: trace.hasRoot,
          startTimeNs: trace.startTimeNs,
          endTimeNs: trace.endTimeNs,
          durationNs: trace.durationNs,
          spanCount: trace.spanCount,
          errorCount: trace.errorCount,
        },
        services: services.map(({ serviceName, startTimeNs, spanCount, errorCount }) => ({ serviceName, startTimeNs, spanCount, errorCount })),
      };
    },
    async close() {
      await grpc.stop();
      if (globals.traceboardSelfExporter) await modules.selfSpanExporter().flush();
      if (globals.traceboardIngest) await modules.ingestQueue().close();
      await server.close();
      if (globals.traceboardSpanStore) await modules.getSpanStore().close();
      if (globals.traceboardAuditWriter) await modules.getAuditWriter().close();
      if (globals.traceboardRollupThreads) await modules.closeSqliteRollupThreads();
      if (globals.traceboardDb) await modules.getDb().$disconnect();
      for (const key of APP_GLOBALS) delete globals[key];
      vi.unstubAllEnvs();
      await database.dispose();
    },
  };
  return app;
}

let idCounter = 0;

/** A 32-hex trace id unique within the test run (and across runs against one database). */
export function newTraceId(): string {
  idCounter += 1;
  const random = Math.floor(Math.random() * 0xffffffff).toString(16).padStart(8, "0");
  return `${random}${Date.now().toString(16).padStart(16, "0")}${idCounter.toString(16).padStart(8, "0")}`;
}

/** A 16-hex span id from a number. */
export function spanIdOf(n: number): string {
  return (n + 1).toString(16).padStart(16, "0");
}

/** A traceparent header. */
export function traceparentOf(traceId: string, parentId: string, sampled = true): string {
  return `00-${traceId}-${parentId}-${sampled ? "01" : "00"}`;
}
