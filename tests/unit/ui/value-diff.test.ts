import { describe, expect, it } from "vitest";
import { diffValues, formatDiffValue } from "@/lib/ui/audit/value-diff";

describe("diffValues", () => {
  it.each([
    { name: "equal objects have no rows", before: { a: 1, b: { c: [1, 2] } }, after: { a: 1, b: { c: [1, 2] } }, rows: [] },
    { name: "a changed field", before: { role: "user" }, after: { role: "admin" }, rows: [{ path: "role", kind: "changed", before: "user", after: "admin" }] },
    { name: "an added and a removed field", before: { a: 1 }, after: { b: 2 }, rows: [{ path: "a", kind: "removed", before: 1 }, { path: "b", kind: "added", after: 2 }] },
    { name: "nested paths", before: { user: { name: "x", tags: ["a"] } }, after: { user: { name: "y", tags: ["a", "b"] } }, rows: [
      { path: "user.name", kind: "changed", before: "x", after: "y" },
      { path: "user.tags[1]", kind: "added", after: "b" },
    ] },
    { name: "a key that is not an identifier is quoted", before: { "a-b": 1 }, after: { "a-b": 2 }, rows: [{ path: '["a-b"]', kind: "changed", before: 1, after: 2 }] },
    { name: "type change is one changed leaf", before: { v: [1] }, after: { v: { 0: 1 } }, rows: [{ path: "v", kind: "changed", before: [1], after: { 0: 1 } }] },
    { name: "string 1 and number 1 differ", before: { n: "1" }, after: { n: 1 }, rows: [{ path: "n", kind: "changed", before: "1", after: 1 }] },
    { name: "null before lists every leaf as added", before: null, after: { name: "x", limits: { max: 3 } }, rows: [
      { path: "name", kind: "added", after: "x" },
      { path: "limits.max", kind: "added", after: 3 },
    ] },
    { name: "missing after lists every leaf as removed", before: { name: "x" }, after: undefined, rows: [{ path: "name", kind: "removed", before: "x" }] },
    { name: "scalar values compare as a whole", before: 3, after: 4, rows: [{ path: "", kind: "changed", before: 3, after: 4 }] },
    { name: "a field set to null is a change", before: { a: 1 }, after: { a: null }, rows: [{ path: "a", kind: "changed", before: 1, after: null }] },
    { name: "an emptied object is a change", before: { a: { b: 1 } }, after: { a: {} }, rows: [{ path: "a.b", kind: "removed", before: 1 }] },
    { name: "nothing on either side", before: null, after: null, rows: [] },
  ])("$name", ({ before, after, rows }) => {
    expect(diffValues(before, after)).toEqual(rows);
  });

  it("walks very deep values without recursion", () => {
    let before: Record<string, unknown> = { leaf: 1 };
    let after: Record<string, unknown> = { leaf: 2 };
    for (let depth = 0; depth < 10_000; depth++) {
      before = { d: before };
      after = { d: after };
    }
    const rows = diffValues(before, after);
    expect(rows).toHaveLength(1);
    expect(rows[0].path.endsWith("d.leaf")).toBe(true);
  });
});

describe("formatDiffValue", () => {
  it.each([
    { value: "text", shown: '"text"' },
    { value: 1, shown: "1" },
    { value: null, shown: "null" },
    { value: { a: [1] }, shown: '{"a":[1]}' },
    { value: undefined, shown: "" },
  ])("$shown", ({ value, shown }) => {
    expect(formatDiffValue(value)).toBe(shown);
  });
});
