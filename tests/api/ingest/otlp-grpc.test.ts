import { setTimeout as sleep } from "node:timers/promises";
import { Client, credentials, Metadata, status as GrpcCode, type ServiceError } from "@grpc/grpc-js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { HealthCheckRequest, HealthCheckResponse, RETRY_INFO_TYPE_URL, RetryInfo, RpcStatus } from "@/lib/collector/wire/grpc-proto";
import { decodeProtobufResponse, encodeProtobufRequest, otlpRequest, otlpSpan } from "../support/otlp";
import { newTraceId, spanIdOf, startTestApp, type AppEnv, type TestApp } from "../support/test-app";

/** OTLP/gRPC through a raw @grpc/grpc-js client: the answers an exporter acts on, and what was stored. */

const EXPORT = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
const CHECK = "/grpc.health.v1.Health/Check";
const T0 = 1_735_787_045_000_000_000n;
const GZIP = 2;

interface Answer {
  error: ServiceError | null;
  body: Buffer | null;
}

function call(app: Pick<TestApp, "grpcAddress">, path: string, message: Uint8Array, metadata = new Metadata(), compress = false): Promise<Answer> {
  const client = new Client(app.grpcAddress, credentials.createInsecure(), compress ? { "grpc.default_compression_algorithm": GZIP } : {});
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      path,
      (bytes: Uint8Array) => Buffer.from(bytes),
      (bytes: Buffer) => bytes,
      message,
      metadata,
      (error, body) => {
        client.close();
        resolve({ error: error ?? null, body: body ?? null });
      },
    );
  });
}

function exportRequest(traceId: string, spans: number, extra: Array<Record<string, unknown>> = []): Uint8Array {
  const list = Array.from({ length: spans }, (_, i) =>
    otlpSpan({ traceId, spanId: spanIdOf(i), name: `op ${i}`, start: T0 + BigInt(i), end: T0 + 1_000n + BigInt(i) }),
  );
  return encodeProtobufRequest(otlpRequest("grpc-test", [...list, ...extra]));
}

/** The RetryInfo delay (seconds) of an error's google.rpc.Status details, or null without one. */
function retryDelaySeconds(error: ServiceError): number | null {
  const [details] = error.metadata.get("grpc-status-details-bin") as Buffer[];
  if (!details) return null;
  const status = RpcStatus.toObject(RpcStatus.decode(details), { longs: Number }) as { code: number; details?: Array<{ typeUrl: string; value: Uint8Array }> };
  expect(status.code).toBe(error.code);
  const retry = status.details?.find((detail) => detail.typeUrl === RETRY_INFO_TYPE_URL);
  if (!retry) return null;
  return (RetryInfo.toObject(RetryInfo.decode(retry.value), { longs: Number }) as { retryDelay: { seconds: number } }).retryDelay.seconds;
}

/** Holds every store write until the returned release is called, so submitted spans wait in the queue. */
function holdStoreWrites(app: TestApp): () => void {
  const store = app.modules.getSpanStore();
  const writeSpans = store.writeSpans.bind(store);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  vi.spyOn(store, "writeSpans").mockImplementation(async (spans, prepared) => {
    await gate;
    return writeSpans(spans, prepared);
  });
  return release;
}

async function untilQueued(app: TestApp, spans: number): Promise<void> {
  for (let i = 0; i < 500 && app.modules.ingestCounters().queueDepth < spans; i++) await sleep(5);
}

async function withApp(env: AppEnv, run: (app: TestApp) => Promise<void>): Promise<void> {
  const app = await startTestApp({ env });
  try {
    await run(app);
  } finally {
    await app.close();
  }
}

describe("OTLP/gRPC TraceService/Export", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it("validSpans_okWithEmptyAnswer_storedExactly", async () => {
    const traceId = newTraceId();
    const answer = await call(app, EXPORT, exportRequest(traceId, 3));
    expect(answer.error).toBeNull();
    expect(decodeProtobufResponse(answer.body!)).toEqual({});
    const stored = await app.spans({ traceId });
    expect(stored.map((span) => [span.spanId, span.name, span.serviceName, span.startTimeNs, span.scopeName])).toEqual([
      [spanIdOf(0), "op 0", "grpc-test", T0, "api-test"],
      [spanIdOf(1), "op 1", "grpc-test", T0 + 1n, "api-test"],
      [spanIdOf(2), "op 2", "grpc-test", T0 + 2n, "api-test"],
    ]);
  });

  it("gzipCompressedMessage_inflatedAndStored", async () => {
    const traceId = newTraceId();
    const answer = await call(app, EXPORT, exportRequest(traceId, 2), new Metadata(), true);
    expect(answer.error).toBeNull();
    expect(await app.spans({ traceId })).toHaveLength(2);
  });

  it("oneInvalidSpan_partialSuccessCountsAndNamesIt_restStored", async () => {
    const traceId = newTraceId();
    const invalid = otlpSpan({ traceId: "abcd", spanId: spanIdOf(9), name: "bad id", start: T0, end: T0 + 1n });
    const answer = await call(app, EXPORT, exportRequest(traceId, 2, [invalid]));
    expect(answer.error).toBeNull();
    expect(decodeProtobufResponse(answer.body!)).toEqual({ partialSuccess: { rejectedSpans: "1", errorMessage: expect.stringMatching(/traceId/i) } });
    expect(await app.spans({ traceId })).toHaveLength(2);
  });

  it("malformedMessage_invalidArgument", async () => {
    const answer = await call(app, EXPORT, Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]));
    expect(answer.error?.code).toBe(GrpcCode.INVALID_ARGUMENT);
    expect(answer.error?.details).toBeTruthy();
  });

  it("healthCheck_servingForTheServerAndTheTraceService_notFoundForOthers", async () => {
    const check = async (service: string) => {
      const answer = await call(app, CHECK, HealthCheckRequest.encode({ service }).finish());
      return answer.error ? answer.error.code : (HealthCheckResponse.toObject(HealthCheckResponse.decode(answer.body!), { enums: String }) as { status: string }).status;
    };
    expect(await check("")).toBe("SERVING");
    expect(await check("opentelemetry.proto.collector.trace.v1.TraceService")).toBe("SERVING");
    expect(await check("no.such.Service")).toBe(GrpcCode.NOT_FOUND);
  });
});

describe("OTLP/gRPC limits and access", () => {
  afterEach(() => vi.restoreAllMocks());

  it("messageOverTheBodyLimit_resourceExhaustedWithoutRetryInfo_plainAndGzip", async () => {
    await withApp({ TRACEBOARD_MAX_BODY_BYTES: "4000" }, async (app) => {
      const big = exportRequest(newTraceId(), 100);
      expect(big.length).toBeGreaterThan(4000);
      for (const compress of [false, true]) {
        const answer = await call(app, EXPORT, big, new Metadata(), compress);
        expect(answer.error?.code, `compressed: ${compress}`).toBe(GrpcCode.RESOURCE_EXHAUSTED);
        expect(retryDelaySeconds(answer.error!)).toBeNull();
      }
    });
  });

  it("ingestToken_missingOrWrongUnauthenticated_bearerAccepted", async () => {
    await withApp({ TRACEBOARD_INGEST_TOKEN: "s3cret" }, async (app) => {
      const bearer = (value: string) => {
        const metadata = new Metadata();
        metadata.set("authorization", value);
        return metadata;
      };
      const traceId = newTraceId();
      expect((await call(app, EXPORT, exportRequest(traceId, 1))).error?.code).toBe(GrpcCode.UNAUTHENTICATED);
      expect((await call(app, EXPORT, exportRequest(traceId, 1), bearer("Bearer wrong"))).error?.code).toBe(GrpcCode.UNAUTHENTICATED);
      expect(await app.spans({ traceId })).toHaveLength(0);
      expect((await call(app, EXPORT, exportRequest(traceId, 1), bearer("Bearer s3cret"))).error).toBeNull();
      expect(await app.spans({ traceId })).toHaveLength(1);
    });
  });

  it("rateLimitPerPeer_resourceExhaustedWithRetryInfo", async () => {
    await withApp({ TRACEBOARD_INGEST_RATE_LIMIT: "10", TRACEBOARD_INGEST_RATE_BURST: "5" }, async (app) => {
      // The first batch spends the burst (and more: whole batches are charged), the next waits for it.
      expect((await call(app, EXPORT, exportRequest(newTraceId(), 20))).error).toBeNull();
      const answer = await call(app, EXPORT, exportRequest(newTraceId(), 1));
      expect(answer.error?.code).toBe(GrpcCode.RESOURCE_EXHAUSTED);
      expect(answer.error?.details).toMatch(/rate limit/i);
      expect(retryDelaySeconds(answer.error!)).toBeGreaterThanOrEqual(1);
    });
  });

  it("stop_refusesNewCalls_answersTheExportInFlightOnceCommitted", async () => {
    await withApp({}, async (app) => {
      const receiver = (await app.modules.startOtlpGrpcServer({ host: "127.0.0.1", port: 0 }))!;
      const address = { grpcAddress: `127.0.0.1:${receiver.port}` };
      const release = holdStoreWrites(app);
      const inFlightTrace = newTraceId();
      const inFlight = call(address, EXPORT, exportRequest(inFlightTrace, 2));
      await untilQueued(app, 2);
      let stopped = false;
      const stopping = receiver.stop().then(() => (stopped = true));
      expect((await call(address, EXPORT, exportRequest(newTraceId(), 1))).error?.code).toBe(GrpcCode.UNAVAILABLE);
      expect(stopped).toBe(false);
      release();
      expect((await inFlight).error).toBeNull();
      await stopping;
      expect(await app.spans({ traceId: inFlightTrace })).toHaveLength(2);
    });
  });

  it("fullQueue_unavailableWithRetryInfo_blockedExportStillCommitted", async () => {
    await withApp({ TRACEBOARD_QUEUE_MAX_SPANS: "10" }, async (app) => {
      const release = holdStoreWrites(app);
      const blockedTrace = newTraceId();
      const blocked = call(app, EXPORT, exportRequest(blockedTrace, 10));
      await untilQueued(app, 10);
      const refused = await call(app, EXPORT, exportRequest(newTraceId(), 1));
      expect(refused.error?.code).toBe(GrpcCode.UNAVAILABLE);
      expect(refused.error?.details).toMatch(/queue is full/i);
      expect(retryDelaySeconds(refused.error!)).toBe(1);
      release();
      expect((await blocked).error).toBeNull();
      expect(await app.spans({ traceId: blockedTrace })).toHaveLength(10);
    });
  });
});
