import { describe, expect, it } from "vitest";
import { loadTracingConfig } from "@/lib/config/tracing-config";
import { applyCorsHeaders, EXPOSED_HEADERS, preflightResponse } from "@/lib/tracing/cors";

const ALLOWED = "https://app.example.test";
const OTHER = "https://evil.example.test";
const LISTED = loadTracingConfig({ TRACEBOARD_CORS_ORIGINS: `${ALLOWED}, http://localhost:3001` });
const WILDCARD = loadTracingConfig({ TRACEBOARD_CORS_ORIGINS: "*" });
const NONE = loadTracingConfig({});

function requestHeaders(origin?: string): Headers {
  return new Headers(origin === undefined ? {} : { origin });
}

describe("applyCorsHeaders", () => {
  it.each<[string, string | undefined, typeof NONE, string | null]>([
    ["listedOrigin_echoed", ALLOWED, LISTED, ALLOWED],
    ["secondListedOrigin_echoed", "http://localhost:3001", LISTED, "http://localhost:3001"],
    ["wildcard_echoesRequestOrigin", OTHER, WILDCARD, OTHER],
    ["unlistedOrigin_noAllowOrigin", OTHER, LISTED, null],
    ["noOriginHeader_noAllowOrigin", undefined, LISTED, null],
    ["noOriginHeader_wildcard_noAllowOrigin", undefined, WILDCARD, null],
    ["noOriginsConfigured", ALLOWED, NONE, null],
    ["originDiffersOnlyByPort", "https://app.example.test:8443", LISTED, null],
  ])("%s", (_name, origin, config, expectedOrigin) => {
    const response = new Headers();
    applyCorsHeaders(requestHeaders(origin), response, config);
    expect(response.get("Access-Control-Expose-Headers")).toBe("traceparent, X-Trace-ID");
    expect(response.get("Access-Control-Allow-Origin")).toBe(expectedOrigin);
    expect(response.get("Vary")).toBe(expectedOrigin === null ? null : "Origin");
  });

  it("exposedHeadersConstant", () => {
    expect(EXPOSED_HEADERS).toBe("traceparent, X-Trace-ID");
  });

  it("appendsToExistingVary", () => {
    const response = new Headers({ Vary: "Accept-Encoding" });
    applyCorsHeaders(requestHeaders(ALLOWED), response, LISTED);
    expect(response.get("Vary")).toBe("Accept-Encoding, Origin");
  });

  it("replacesExistingExposeHeaders", () => {
    const response = new Headers({ "Access-Control-Expose-Headers": "x-other" });
    applyCorsHeaders(requestHeaders(), response, NONE);
    expect(response.get("Access-Control-Expose-Headers")).toBe(EXPOSED_HEADERS);
  });
});

describe("preflightResponse", () => {
  it.each<[string, string | undefined, typeof NONE]>([
    ["unlistedOrigin", OTHER, LISTED],
    ["missingOrigin", undefined, LISTED],
    ["missingOrigin_wildcard", undefined, WILDCARD],
    ["noOriginsConfigured", ALLOWED, NONE],
  ])("%s_null", (_name, origin, config) => {
    expect(preflightResponse(requestHeaders(origin), config)).toBeNull();
  });

  it.each<[string, string, typeof NONE]>([
    ["listedOrigin", ALLOWED, LISTED],
    ["wildcard", OTHER, WILDCARD],
  ])("%s_204", async (_name, origin, config) => {
    const response = preflightResponse(requestHeaders(origin), config);
    expect(response).not.toBeNull();
    expect(response!.status).toBe(204);
    expect(await response!.text()).toBe("");
    expect(response!.headers.get("Access-Control-Allow-Origin")).toBe(origin);
    expect(response!.headers.get("Vary")).toBe("Origin");
    expect(response!.headers.get("Access-Control-Expose-Headers")).toBe(EXPOSED_HEADERS);
    const methods = response!.headers.get("Access-Control-Allow-Methods")!.split(",").map((m) => m.trim());
    expect(methods).toEqual(expect.arrayContaining(["GET", "POST", "OPTIONS"]));
    const allowed = response!.headers
      .get("Access-Control-Allow-Headers")!
      .split(",")
      .map((h) => h.trim().toLowerCase());
    expect(allowed).toEqual(expect.arrayContaining(["traceparent", "tracestate", "x-trace-id", "content-type"]));
  });
});
