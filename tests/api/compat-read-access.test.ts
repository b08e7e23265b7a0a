import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_ENDPOINTS } from "@/lib/api/contracts";
import { newTraceId, startTestApp, type TestApp } from "./support/test-app";

/**
 * The Jaeger, Zipkin and Tempo read APIs under their prefixes: every route needs the read token
 * when one is set, as a bearer token or as HTTP Basic's password (what Grafana's data
 * sources send), refuses in the API's own error shape with a Basic challenge, and is
 * traced by the route wrapper (a server span named after its route).
 */

const TOKEN = "read-t0ken";
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString("base64")}`;

const REQUIRED_QUERY: Record<string, string> = {
  "/jaeger/api/operations": "service=frontend",
  "/jaeger/api/traces": "service=frontend",
  "/jaeger/api/v3/traces": "query.start_time_min=2026-01-01T00:00:00Z&query.start_time_max=2026-01-02T00:00:00Z",
  "/zipkin/api/v2/spans": "serviceName=frontend",
  "/zipkin/api/v2/remoteServices": "serviceName=frontend",
  "/zipkin/api/v2/traceMany": `traceIds=${newTraceId()}`,
  "/zipkin/api/v2/dependencies": "endTs=1796000000000",
  "/zipkin/api/v2/autocompleteValues": "key=http.method",
};

const READ_ROUTES = ALL_ENDPOINTS.filter((endpoint) => endpoint.method === "GET" && /^\/(jaeger|zipkin|tempo)\//.test(endpoint.path)).map((endpoint) => ({
  route: endpoint.path,
  // Each route's required parameters, so a served request is not a 400 either.
  path: `${endpoint.path.replace(/\{(traceID|trace_id|traceId)\}/, newTraceId()).replace("{service}", "frontend").replace("{tag}", endpoint.path.includes("/v2/") ? "span.http.method" : "http.method")}?${REQUIRED_QUERY[endpoint.path] ?? ""}`,
}));

describe("read access and tracing of the Jaeger, Zipkin and Tempo APIs", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { TRACEBOARD_READ_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("covers_the_three_apis", () => {
    expect(READ_ROUTES.filter(({ route }) => route.startsWith("/jaeger/")).length).toBe(10);
    expect(READ_ROUTES.filter(({ route }) => route.startsWith("/zipkin/")).length).toBe(9);
    expect(READ_ROUTES.filter(({ route }) => route.startsWith("/tempo/")).length).toBe(9);
  });

  it.each(READ_ROUTES)("$route: 401 without the token, served with it as Basic password or bearer", async ({ path }) => {
    const refused = await app.send(path);
    expect(refused.status).toBe(401);
    expect(refused.headers["www-authenticate"]).toMatch(/^Basic realm="Traceboard"/);
    for (const authorization of [basic(`grafana:${TOKEN}`), basic(`:${TOKEN}`), `Bearer ${TOKEN}`]) {
      expect([200, 404]).toContain((await app.send(path, { headers: { authorization } })).status);
    }
    expect((await app.send(path, { headers: { authorization: basic("grafana:wrong") } })).status).toBe(401);
  });

  it.each([
    ["/jaeger/api/services", { data: null, total: 0, limit: 0, offset: 0, errors: [{ code: 401, msg: expect.stringMatching(/TRACEBOARD_READ_TOKEN/) }] }],
    ["/jaeger/api/v3/services", { error: { httpCode: 401, message: expect.stringMatching(/TRACEBOARD_READ_TOKEN/) } }],
    ["/zipkin/api/v2/services", { error: { code: "unauthorized", message: expect.stringMatching(/TRACEBOARD_READ_TOKEN/) } }],
  ])("%s refuses in its own error shape", async (path, body) => {
    expect((await app.send(path)).json()).toEqual(body);
  });

  it("tempo_refuses_as_plain_text_with_the_challenge", async () => {
    const refused = await app.send("/tempo/api/echo");
    expect(refused.status).toBe(401);
    expect(refused.headers["content-type"]).toMatch(/^text\/plain/);
    expect(refused.headers["www-authenticate"]).toMatch(/^Basic realm="Traceboard"/);
    expect(refused.body.toString()).toMatch(/TRACEBOARD_READ_TOKEN/);
  });

  it("every_route_is_traced_under_its_route_template", async () => {
    for (const { path } of READ_ROUTES) await app.send(path, { headers: { authorization: `Bearer ${TOKEN}` } });
    await app.flushSelfSpans();
    const names = new Set((await app.spans({ serviceName: "traceboard" })).map((span) => span.name));
    expect(READ_ROUTES.map(({ route }) => `GET ${route}`).filter((name) => !names.has(name))).toEqual([]);
  });
});
