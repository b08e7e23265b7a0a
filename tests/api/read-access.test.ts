import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { otlpRequest, otlpSpan } from "./support/otlp";
import { newTraceId, spanIdOf, startTestApp, type TestApp } from "./support/test-app";

/** TRACEBOARD_READ_TOKEN guards the query API; ingest, admin and health keep their own rules. */
describe("read access to the query API", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRACEBOARD_READ_TOKEN: "s3cret" } });
  });
  afterAll(async () => {
    await app?.close();
  });

  const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString("base64")}`;

  it("refuses_a_read_without_credentials_with_a_basic_challenge", async () => {
    const answer = await app.send("/api/tracing/statistics");
    expect(answer.status).toBe(401);
    expect(answer.headers["www-authenticate"]).toMatch(/^Basic realm="Traceboard"/);
    expect(answer.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect(answer.headers.traceparent).toBeDefined();
  });

  it.each([
    ["bearer", "Bearer s3cret", 200],
    ["basic", basic("anyone:s3cret"), 200],
    ["wrong", "Bearer nope", 401],
  ])("%s_credentials", async (_name, authorization, status) => {
    expect((await app.send("/api/tracing/statistics", { headers: { authorization } })).status).toBe(status);
  });

  it("leaves_ingest_and_health_alone", async () => {
    const traceId = newTraceId();
    const ingest = await app.postJson("/v1/traces", otlpRequest("open", [otlpSpan({ traceId, spanId: spanIdOf(1), name: "x", start: 1_795_712_400_000_000_000n, end: 1_795_712_400_000_000_001n })]));
    expect(ingest.status).toBe(200);
    expect((await app.send("/api/health")).status).toBe(200);
  });
});
