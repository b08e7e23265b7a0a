import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The schema from its first model on: generator and datasource are all that may differ. */
function models(file: string): string {
  const text = readFileSync(file, "utf8");
  return text.slice(text.indexOf("\nmodel "));
}

describe("prisma schemas", () => {
  it("sqliteAndPostgresql_describeTheSameModels", () => {
    expect(models("prisma/postgresql/schema.prisma")).toBe(models("prisma/schema.prisma"));
  });
});
