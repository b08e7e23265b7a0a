import { describe, expect, it } from "vitest";
import { RecentOperations } from "@/lib/store/recent-operations";
import { OPERATION_REFRESH_NS } from "@/lib/store/table-writes";
import type { OperationSeen } from "@/lib/store/trace-summary";

const operation = (spanName: string, lastSeenNs: bigint, kind = 2): OperationSeen => ({ serviceName: "api", spanName, kind, lastSeenNs });

describe("RecentOperations", () => {
  it("unknownOperation_written", () => {
    expect(new RecentOperations().toWrite([operation("GET /", 5n)])).toEqual([operation("GET /", 5n)]);
  });

  it.each<[string, bigint, boolean]>([
    ["sameTime_skipped", 100n, false],
    ["withinRefreshWindow_skipped", 100n + OPERATION_REFRESH_NS, false],
    ["pastRefreshWindow_written", 101n + OPERATION_REFRESH_NS, true],
    ["older_skipped", 1n, false],
  ])("remembered_%s", (_name, lastSeenNs, written) => {
    const recent = new RecentOperations();
    recent.remember([operation("GET /", 100n)]);
    expect(recent.toWrite([operation("GET /", lastSeenNs)])).toHaveLength(written ? 1 : 0);
  });

  it("otherKindOrName_isAnotherOperation", () => {
    const recent = new RecentOperations();
    recent.remember([operation("GET /", 100n, 2)]);
    expect(recent.toWrite([operation("GET /", 100n, 3), operation("POST /", 100n, 2)])).toHaveLength(2);
  });

  it("forget_writesAgain", () => {
    const recent = new RecentOperations();
    recent.remember([operation("GET /", 100n)]);
    recent.forget();
    expect(recent.toWrite([operation("GET /", 100n)])).toHaveLength(1);
  });

  it("boundedMemory_startsAfreshWhenFull", () => {
    const recent = new RecentOperations();
    recent.remember([operation("first", 1n)]);
    recent.remember(Array.from({ length: 10_000 }, (_, index) => operation(`GET /users/${index}`, 1n)));
    expect(recent.toWrite([operation("first", 1n)])).toHaveLength(1);
  });
});
