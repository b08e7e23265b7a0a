import { describe, expect, it } from "vitest";
import { SqlParams } from "@/lib/store/sql-params";

describe("SqlParams", () => {
  it.each([
    ["sqlite", ["?", "?", "?"]],
    ["postgresql", ["$1", "$2", "$3"]],
  ] as const)("placeholders_%s", (dialect, placeholders) => {
    const params = new SqlParams(dialect);
    expect(["a", 2, 3n].map((value) => params.add(value))).toEqual(placeholders);
    expect(params.values).toEqual(["a", 2, 3n]);
  });

  it("keeps the values in the order their placeholders appear", () => {
    const params = new SqlParams("postgresql");
    const sql = `x >= ${params.add(10n)} AND y = ${params.add("svc")}`;
    expect(sql).toBe("x >= $1 AND y = $2");
    expect(params.values).toEqual([10n, "svc"]);
  });
});
