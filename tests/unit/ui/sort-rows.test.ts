import { describe, expect, it } from "vitest";
import { nextSort, parseSort, sortRows } from "@/lib/ui/sort-rows";

type Row = { name: string; p95: number | null };
const rows: Row[] = [
  { name: "b", p95: 20 },
  { name: "a", p95: null },
  { name: "c", p95: 5 },
  { name: "d", p95: 20 },
];
const KEYS = ["name", "p95"] as const;
const value = (row: Row, key: (typeof KEYS)[number]) => row[key];

describe("sortRows", () => {
  it.each([
    { sort: { key: "p95", dir: "desc" }, order: ["b", "d", "c", "a"] },
    { sort: { key: "p95", dir: "asc" }, order: ["c", "b", "d", "a"] },
    { sort: { key: "name", dir: "asc" }, order: ["a", "b", "c", "d"] },
    { sort: { key: "name", dir: "desc" }, order: ["d", "c", "b", "a"] },
  ] as const)("$sort.key $sort.dir", ({ sort, order }) => {
    expect(sortRows(rows, sort, value).map((row) => row.name)).toEqual(order);
  });

  it("leaves the input alone", () => {
    sortRows(rows, { key: "name", dir: "desc" }, value);
    expect(rows[0].name).toBe("b");
  });
});

describe("parseSort and nextSort", () => {
  const fallback = { key: "p95", dir: "desc" } as const;
  it.each([
    { key: "name", dir: "asc", sort: { key: "name", dir: "asc" } },
    { key: "name", dir: null, sort: { key: "name", dir: "desc" } },
    { key: "bogus", dir: "asc", sort: fallback },
    { key: null, dir: null, sort: fallback },
  ])("$key $dir", ({ key, dir, sort }) => {
    expect(parseSort(key, dir, KEYS, fallback)).toEqual(sort);
  });

  it("flips the same column and starts another descending", () => {
    expect(nextSort({ key: "p95", dir: "desc" }, "p95")).toEqual({ key: "p95", dir: "asc" });
    expect(nextSort({ key: "p95", dir: "asc" }, "name")).toEqual({ key: "name", dir: "desc" });
  });
});
