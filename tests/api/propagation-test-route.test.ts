import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseTraceparent } from "@/lib/trace-context/traceparent";
import { LOWER_HEX_16, SPAN_ID, TRACE_ID, VALID_TRACEPARENT } from "../unit/trace-context/fixtures";

const ENDPOINT = "http://localhost/api/tracing/propagation-test";

interface Callback {
  method: string;
  path: string;
  /** Every header as sent, name lower-cased, repeats kept. */
  headers: Array<[string, string]>;
  body: string;
}

/** A callback target that records each request and answers 200. */
class CallbackServer {
  readonly calls: Callback[] = [];
  private server: Server = createServer((req, res) => this.record(req, res.end.bind(res)));

  private record(req: IncomingMessage, end: () => void) {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers: Array<[string, string]> = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i].toLowerCase(), req.rawHeaders[i + 1]]);
      this.calls.push({ method: req.method ?? "", path: req.url ?? "", headers, body: Buffer.concat(chunks).toString("utf8") });
      end();
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function headerValues(call: Callback, name: string): string[] {
  return call.headers.filter(([key]) => key === name).map(([, value]) => value);
}

/** A port that was just free: listened on, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The POST handler, imported fresh under the given TRACEBOARD_PROPAGATION_TEST value. */
async function loadPost(enabled: string | undefined) {
  vi.resetModules();
  vi.stubEnv("TRACEBOARD_PROPAGATION_TEST", enabled);
  vi.stubEnv("TRACEBOARD_TRACING", undefined);
  vi.stubEnv("TRACEBOARD_PROPAGATION_EXCLUDE", undefined);
  vi.stubEnv("TRACE_SAMPLE_RATIO", undefined);
  const { POST } = await import("@/app/api/tracing/propagation-test/route");
  return POST;
}

function post(body: string | undefined, headers: Record<string, string> = { traceparent: VALID_TRACEPARENT }) {
  return new NextRequest(ENDPOINT, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

const server = new CallbackServer();

beforeAll(async () => {
  await server.start();
});

afterAll(async () => {
  await server.stop();
});

afterEach(() => {
  server.calls.length = 0;
  vi.unstubAllEnvs();
});

describe("POST /api/tracing/propagation-test disabled", () => {
  it.each<[string, string | undefined]>([
    ["unset", undefined],
    ["zero", "0"],
  ])("%s_404_noCallbacks", async (_name, enabled) => {
    const POST = await loadPost(enabled);
    const response = await POST(post(JSON.stringify([{ url: server.url("/a") }])), undefined);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "Not found" } });
    expect(parseTraceparent(response.headers.get("traceparent"))?.traceId).toBe(TRACE_ID);
    expect(server.calls).toHaveLength(0);
  });
});

describe("POST /api/tracing/propagation-test enabled", () => {
  it("threeItems_callbacksInOrder_oneTraceparentEach_sameTraceNewSpans", async () => {
    const POST = await loadPost("1");
    const items = [
      { url: server.url("/scope.0"), arguments: [{ url: "http://127.0.0.1:1/nested", arguments: [] }] },
      { url: server.url("/scope.1") },
      { url: server.url("/scope.2"), arguments: { any: ["json", 1, null] } },
    ];
    const response = await POST(post(JSON.stringify(items), { traceparent: VALID_TRACEPARENT, tracestate: "foo=1" }), undefined);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ results: items.map((item) => ({ url: item.url, status: 200 })) });
    expect(server.calls.map((call) => call.path)).toEqual(["/scope.0", "/scope.1", "/scope.2"]);

    const spanIds = server.calls.map((call, index) => {
      expect(call.method).toBe("POST");
      const values = headerValues(call, "traceparent");
      expect(values).toHaveLength(1);
      const tp = parseTraceparent(values[0]);
      expect(tp).not.toBeNull();
      expect(tp!.traceId).toBe(TRACE_ID);
      expect(tp!.spanId).toMatch(LOWER_HEX_16);
      expect(tp!.spanId).not.toBe(SPAN_ID);
      expect(tp!.traceFlags & 1).toBe(1);
      expect(headerValues(call, "tracestate")).toEqual(["foo=1"]);
      expect(headerValues(call, "content-type")).toEqual(["application/json"]);
      expect(JSON.parse(call.body)).toEqual(items[index].arguments ?? []);
      return tp!.spanId;
    });
    expect(new Set(spanIds).size).toBe(3);
    // The callbacks are children of the server span the response reports.
    expect(spanIds).not.toContain(parseTraceparent(response.headers.get("traceparent"))!.spanId);
  });

  it("singleObject_oneCallback", async () => {
    const POST = await loadPost("1");
    const item = { url: server.url("/single"), arguments: [1, 2] };
    const response = await POST(post(JSON.stringify(item)), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ results: [{ url: item.url, status: 200 }] });
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0].path).toBe("/single");
    expect(JSON.parse(server.calls[0].body)).toEqual([1, 2]);
    expect(parseTraceparent(headerValues(server.calls[0], "traceparent")[0])!.traceId).toBe(TRACE_ID);
  });

  it("noIncomingTraceparent_callbacksCarryTheNewTrace", async () => {
    const POST = await loadPost("1");
    const response = await POST(post(JSON.stringify([{ url: server.url("/fresh") }]), {}), undefined);
    const served = parseTraceparent(response.headers.get("traceparent"))!;
    const sent = parseTraceparent(headerValues(server.calls[0], "traceparent")[0])!;
    expect(sent.traceId).toBe(served.traceId);
    expect(sent.spanId).not.toBe(served.spanId);
  });

  it.each<[string, string | undefined]>([
    ["null", "null"],
    ["emptyArray", "[]"],
    ["emptyBody", undefined],
    ["whitespaceBody", "  \n"],
  ])("%s_200_noCallbacks", async (_name, body) => {
    const POST = await loadPost("1");
    const response = await POST(post(body), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ results: [] });
    expect(server.calls).toHaveLength(0);
  });

  it.each<[string, string]>([
    ["truncated", '[{"url":'],
    ["notJson", "hello"],
  ])("malformedJson_%s_400", async (_name, body) => {
    const POST = await loadPost("1");
    const response = await POST(post(body), undefined);
    expect(response.status).toBe(400);
    const json = await response.json();
    expect(json.error.code).toBe("bad_request");
    expect(json.error.message).toMatch(/JSON/);
    expect(server.calls).toHaveLength(0);
  });

  it.each<[string, () => unknown, string]>([
    ["ftpUrlInArray", () => [{ url: server.url("/ok") }, { url: "ftp://x" }], "1.url"],
    ["ftpUrlSingle", () => ({ url: "ftp://x" }), "url"],
    ["notAUrl", () => [{ url: "not a url" }], "0.url"],
    ["fileUrl", () => [{ url: "file:///etc/passwd" }], "0.url"],
    ["missingUrlInArray", () => [{ url: server.url("/ok") }, { arguments: [] }], "1.url"],
    ["missingUrlSingle", () => ({ arguments: [] }), "url"],
    ["urlNotString", () => [{ url: 42 }], "0.url"],
  ])("invalidItem_%s_400ListsPath_noCallbacks", async (_name, body, path) => {
    const POST = await loadPost("1");
    const response = await POST(post(JSON.stringify(body())), undefined);
    expect(response.status).toBe(400);
    const json = await response.json();
    expect(json.error.code).toBe("bad_request");
    expect(json.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(json.error.message).toContain(`${path}: `);
    expect(server.calls).toHaveLength(0);
  });

  it("unreachableCallback_200WithErrorEntry_othersStillCalled", async () => {
    const POST = await loadPost("1");
    const deadUrl = `http://127.0.0.1:${await closedPort()}/dead`;
    const items = [{ url: server.url("/before") }, { url: deadUrl }, { url: server.url("/after") }];
    const response = await POST(post(JSON.stringify(items)), undefined);
    expect(response.status).toBe(200);
    const { results } = await response.json();
    expect(results).toHaveLength(3);
    expect(results[0]).toEqual({ url: items[0].url, status: 200 });
    expect(results[1]).toEqual({ url: deadUrl, error: expect.any(String) });
    expect(results[1].error).not.toBe("");
    expect(results[2]).toEqual({ url: items[2].url, status: 200 });
    expect(server.calls.map((call) => call.path)).toEqual(["/before", "/after"]);
  });
});
