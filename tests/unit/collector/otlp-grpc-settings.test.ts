import { describe, expect, it } from "vitest";
import { loadGrpcConfig } from "@/lib/collector/grpc/grpc-config";
import { peerAddress } from "@/lib/collector/grpc/otlp-trace-service";

describe("OTLP/gRPC receiver settings", () => {
  it.each([
    [{}, { port: 4317, host: "0.0.0.0" }],
    [{ TRACEBOARD_OTLP_GRPC_PORT: "0" }, { port: null, host: "0.0.0.0" }],
    [{ TRACEBOARD_OTLP_GRPC_PORT: "14317", TRACEBOARD_OTLP_GRPC_HOST: "127.0.0.1" }, { port: 14317, host: "127.0.0.1" }],
    [{ TRACEBOARD_OTLP_GRPC_PORT: "" }, { port: 4317, host: "0.0.0.0" }],
  ])("%j -> %j", (env, expected) => {
    expect(loadGrpcConfig(env)).toEqual(expected);
  });

  it.each(["70000", "-1", "four"])("badPort_%s_namesTheVariable", (port) => {
    expect(() => loadGrpcConfig({ TRACEBOARD_OTLP_GRPC_PORT: port })).toThrow(/TRACEBOARD_OTLP_GRPC_PORT/);
  });
});

describe("peerAddress", () => {
  it.each([
    ["ipv4:127.0.0.1:50000", "127.0.0.1"],
    ["10.1.2.3:443", "10.1.2.3"],
    ["[::1]:50000", "::1"],
    ["ipv6:[2001:db8::7]:1", "2001:db8::7"],
    ["unix:/tmp/socket", "unix:/tmp/socket"],
  ])("%s -> %s", (peer, address) => {
    expect(peerAddress(peer)).toBe(address);
  });
});
