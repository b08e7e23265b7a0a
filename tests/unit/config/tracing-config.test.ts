import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { DEFAULT_EXCLUDE_PATHS, isExcludedPath, loadTracingConfig, type TracingConfig } from "@/lib/config/tracing-config";

const DEFAULTS: TracingConfig = {
  sampleRatio: 1,
  excludePaths: ["/api/health"],
  corsOrigins: [],
  routeTracingEnabled: true,
  propagationTestEnabled: false,
};

describe("loadTracingConfig", () => {
  it("emptyEnv_defaults", () => {
    expect(loadTracingConfig({})).toEqual(DEFAULTS);
    expect(DEFAULT_EXCLUDE_PATHS).toEqual(["/api/health"]);
  });

  it("unrelatedVariablesIgnored", () => {
    expect(loadTracingConfig({ PATH: "/usr/bin", NODE_ENV: "test" })).toEqual(DEFAULTS);
  });

  it.each<[string, Record<string, string | undefined>, Partial<TracingConfig>]>([
    ["sampleRatio_quarter", { TRACE_SAMPLE_RATIO: "0.25" }, { sampleRatio: 0.25 }],
    ["sampleRatio_zero", { TRACE_SAMPLE_RATIO: "0" }, { sampleRatio: 0 }],
    ["sampleRatio_notANumber_fallsBackTo1", { TRACE_SAMPLE_RATIO: "abc" }, { sampleRatio: 1 }],
    ["sampleRatio_aboveOne_fallsBackTo1", { TRACE_SAMPLE_RATIO: "2" }, { sampleRatio: 1 }],
    ["sampleRatio_negative_fallsBackTo1", { TRACE_SAMPLE_RATIO: "-0.5" }, { sampleRatio: 1 }],
    ["sampleRatio_empty_fallsBackTo1", { TRACE_SAMPLE_RATIO: "" }, { sampleRatio: 1 }],
    ["exclude_empty_meansNone", { TRACEBOARD_PROPAGATION_EXCLUDE: "" }, { excludePaths: [] }],
    ["exclude_list_trimmed", { TRACEBOARD_PROPAGATION_EXCLUDE: "/a, /b/" }, { excludePaths: ["/a", "/b/"] }],
    ["exclude_blankItemsDropped", { TRACEBOARD_PROPAGATION_EXCLUDE: " , /a,, " }, { excludePaths: ["/a"] }],
    ["cors_single", { TRACEBOARD_CORS_ORIGINS: "https://a.test" }, { corsOrigins: ["https://a.test"] }],
    [
      "cors_list_trimmed",
      { TRACEBOARD_CORS_ORIGINS: "https://a.test , http://localhost:3001,*" },
      { corsOrigins: ["https://a.test", "http://localhost:3001", "*"] },
    ],
    ["cors_empty", { TRACEBOARD_CORS_ORIGINS: "" }, { corsOrigins: [] }],
    ["tracing_off", { TRACEBOARD_TRACING: "0" }, { routeTracingEnabled: false }],
    ["tracing_on", { TRACEBOARD_TRACING: "1" }, { routeTracingEnabled: true }],
    ["propagationTest_on", { TRACEBOARD_PROPAGATION_TEST: "1" }, { propagationTestEnabled: true }],
    ["propagationTest_off", { TRACEBOARD_PROPAGATION_TEST: "0" }, { propagationTestEnabled: false }],
  ])("%s", (_name, env, expected) => {
    expect(loadTracingConfig(env)).toEqual({ ...DEFAULTS, ...expected });
  });

  it.each<[string, Record<string, string>, string]>([
    ["tracing_true", { TRACEBOARD_TRACING: "true" }, "TRACEBOARD_TRACING"],
    ["tracing_off", { TRACEBOARD_TRACING: "off" }, "TRACEBOARD_TRACING"],
    ["propagationTest_yes", { TRACEBOARD_PROPAGATION_TEST: "yes" }, "TRACEBOARD_PROPAGATION_TEST"],
  ])("invalidEnum_%s_throwsZodError", (_name, env, key) => {
    let thrown: unknown;
    try {
      loadTracingConfig(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ZodError);
    expect((thrown as ZodError).issues.map((issue) => issue.path.join("."))).toEqual([key]);
  });
});

describe("isExcludedPath", () => {
  it.each<[string, string, readonly string[], boolean]>([
    ["exact", "/api/health", ["/api/health"], true],
    ["childPath", "/api/health/db", ["/api/health"], true],
    ["siblingPrefix_notMatched", "/api/healthz", ["/api/health"], false],
    ["parentPath_notMatched", "/api", ["/api/health"], false],
    ["unrelated", "/api/traces", ["/api/health"], false],
    ["trailingSlashPrefix_child", "/b/c", ["/b/"], true],
    ["trailingSlashPrefix_siblingNotMatched", "/bc", ["/b/"], false],
    ["trailingSlashPrefix_exactWithSlash", "/b/", ["/b/"], true],
    ["secondPrefixMatches", "/b/x", ["/a", "/b"], true],
    ["emptyList", "/api/health", [], false],
  ])("%s", (_name, pathname, prefixes, expected) => {
    expect(isExcludedPath(pathname, prefixes)).toBe(expected);
  });
});
