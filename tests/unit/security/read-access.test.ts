import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hasBasicPassword, hasReadAccess } from "@/lib/security/read-access";

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString("base64")}`;

describe("read access", () => {
  it.each([
    ["basic_any_user_right_password", basic("alice:s3cret"), true],
    ["basic_empty_user", basic(":s3cret"), true],
    ["basic_password_with_colons", basic("bob:s3cret"), true],
    ["basic_wrong_password", basic("alice:nope"), false],
    ["basic_no_colon", basic("s3cret"), false],
    ["basic_not_base64", "Basic !!!", false],
    ["bearer_is_not_basic", "Bearer s3cret", false],
  ])("hasBasicPassword_%s", (_name, header, expected) => {
    expect(hasBasicPassword(header, "s3cret")).toBe(expected);
  });

  it.each([
    ["no_token_configured_is_open", undefined, null, true],
    ["bearer", "s3cret", "Bearer s3cret", true],
    ["basic", "s3cret", basic("u:s3cret"), true],
    ["missing", "s3cret", null, false],
    ["wrong_bearer", "s3cret", "Bearer s3cre", false],
  ])("hasReadAccess_%s", (_name, token, authorization, expected) => {
    const headers = new Headers(authorization ? { authorization } : {});
    expect(hasReadAccess(headers, token)).toBe(expected);
  });
});

describe("middleware with TRACEBOARD_READ_TOKEN", () => {
  afterEach(() => vi.unstubAllEnvs());

  async function page(authorization?: string) {
    vi.stubEnv("TRACEBOARD_READ_TOKEN", "s3cret");
    vi.resetModules();
    const { middleware } = await import("@/middleware");
    return middleware(new NextRequest("http://localhost/traces", { headers: authorization ? { authorization } : {} }));
  }

  it("asks_for_basic_credentials_without_them", async () => {
    const response = await page();
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm="Traceboard"/);
  });

  it("serves_the_page_with_them", async () => {
    const response = await page(basic("me:s3cret"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("script-src");
  });
});

describe("middleware matcher", () => {
  const matches = async (url: string, headers?: Record<string, string>) => {
    const { unstable_doesMiddlewareMatch } = await import("next/experimental/testing/server");
    const { config } = await import("@/middleware");
    return unstable_doesMiddlewareMatch({ config, url, headers });
  };

  it.each([
    ["page", "/traces", true],
    ["root", "/", true],
    ["page_path_ending_in_txt", "/traces/x.txt", true],
    ["page_path_ending_in_js", "/traces/x.js", true],
    ["page_path_ending_in_css", "/stats/a.css", true],
    ["page_path_ending_in_png", "/audit/a.png", true],
    ["next_route_data", "/_next/data/build/traces.json", true],
    ["build_asset", "/_next/static/chunks/main.js", false],
    ["image_optimizer", "/_next/image?url=%2Fa.png&w=64&q=75", false],
    ["favicon", "/favicon.ico", false],
    ["api_route", "/api/tracing/traces", false],
    ["ingest_route", "/v1/traces", false],
    ["jaeger_api_route", "/jaeger/api/traces", false],
    ["zipkin_api_route", "/zipkin/api/v2/services", false],
    ["tempo_api_route", "/tempo/api/search", false],
    ["page_named_like_a_prefix", "/jaeger", true],
  ])("%s", async (_name, url, expected) => {
    expect(await matches(url)).toBe(expected);
  });

  it.each(["/api/tracing/traces", "/v1/traces", "/api/v2/spans", "/api/tracing/spans", "/jaeger/api/services", "/zipkin/api/v2/spans", "/tempo/api/search"])("cors_preflight_of_%s", async (url) => {
    expect(await matches(url, { "access-control-request-method": "POST", origin: "http://app.example" })).toBe(true);
  });
});
