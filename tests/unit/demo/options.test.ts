import { describe, expect, it } from "vitest";
import { parseDemoArgs, type DemoOptions } from "@/scripts/demo/options";

const SEED = () => "424242";

function run(argv: string[], env: Record<string, string> = {}): DemoOptions {
  const command = parseDemoArgs(argv, env, SEED);
  if (command.kind !== "run") throw new Error(`expected options, got ${JSON.stringify(command)}`);
  return command.options;
}

describe("parseDemoArgs: values", () => {
  it("defaults", () => {
    expect(run([])).toEqual({
      traces: 300,
      hours: 6,
      seed: "424242",
      url: "http://localhost:3000",
      token: undefined,
      adminToken: undefined,
      protocol: "protobuf",
      ifEmpty: false,
    });
  });

  it.each<[string, string[], Record<string, string>, Partial<DemoOptions>]>([
    ["portFromEnv", [], { PORT: "4100" }, { url: "http://localhost:4100" }],
    ["urlFlagBeatsPort", ["--url", "http://127.0.0.1:9000"], { PORT: "4100" }, { url: "http://127.0.0.1:9000" }],
    ["urlTrailingSlashDropped", ["--url", "https://traces.example.com/"], {}, { url: "https://traces.example.com" }],
    ["tokenFromEnv", [], { TRACEBOARD_INGEST_TOKEN: "s3cret" }, { token: "s3cret" }],
    ["tokenFlagBeatsEnv", ["--token", "flag"], { TRACEBOARD_INGEST_TOKEN: "env" }, { token: "flag" }],
    ["emptyEnvTokenIsNoToken", [], { TRACEBOARD_INGEST_TOKEN: "" }, { token: undefined }],
    ["adminTokenFromEnv", [], { TRACEBOARD_ADMIN_TOKEN: "adm1n" }, { adminToken: "adm1n", token: undefined }],
    ["adminTokenFlagBeatsEnv", ["--admin-token", "flag"], { TRACEBOARD_ADMIN_TOKEN: "env" }, { adminToken: "flag" }],
    ["json", ["--json"], {}, { protocol: "json" }],
    ["ifEmpty", ["--if-empty"], {}, { ifEmpty: true }],
    ["traces", ["--traces", "25"], {}, { traces: 25 }],
    ["tracesEqualsForm", ["--traces=1000"], {}, { traces: 1000 }],
    ["fractionalHours", ["--hours", "0.5"], {}, { hours: 0.5 }],
    ["wordSeed", ["--seed", "black-friday"], {}, { seed: "black-friday" }],
    ["bigTrace", ["--big-trace", "200000"], {}, { bigTrace: 200_000 }],
  ])("%s", (_name, argv, env, expected) => {
    expect(run(argv, env)).toMatchObject(expected);
  });
});

describe("parseDemoArgs: invalid input names the flag", () => {
  it.each([
    ["tracesZero", ["--traces", "0"], "--traces"],
    ["bigTraceTooBig", ["--big-trace", "1000001"], "--big-trace"],
    ["bigTraceNotANumber", ["--big-trace", "huge"], "--big-trace"],
    ["tracesNotANumber", ["--traces", "many"], "--traces"],
    ["tracesFractional", ["--traces", "2.5"], "--traces"],
    ["tracesTooMany", ["--traces", "100001"], "--traces"],
    ["hoursZero", ["--hours", "0"], "--hours"],
    ["hoursBeyondRetention", ["--hours", "169"], "--hours"],
    ["urlWithoutScheme", ["--url", "localhost:3000"], "--url"],
    ["urlNotHttp", ["--url", "ftp://example.com"], "--url"],
    ["emptySeed", ["--seed", ""], "--seed"],
    ["unknownFlag", ["--spans", "5"], "--spans"],
    ["positional", ["500"], "500"],
    ["missingValue", ["--traces"], "--traces"],
  ])("%s", (_name, argv, mentions) => {
    const command = parseDemoArgs(argv, {}, SEED);
    expect(command.kind).toBe("error");
    expect(command.kind === "error" && command.message).toContain(mentions);
  });
});

describe("parseDemoArgs: help", () => {
  it.each([["long", ["--help"]], ["short", ["-h"]], ["withOtherFlags", ["--traces", "5", "--help"]]])("%s", (_name, argv) => {
    expect(parseDemoArgs(argv, {}, SEED)).toEqual({ kind: "help" });
  });
});
