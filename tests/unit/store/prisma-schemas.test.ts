import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The schema from its first model on: generator and datasource are all that may differ. */
function models(file: string): string {
  const text = readFileSync(file, "utf8");
  return text.slice(text.indexOf("\nmodel "));
}

/**
 * The lines PostgreSQL's models may have instead of SQLite's, and nothing else: spans and
 * attribute_docs are partitioned there, and a partitioned table's primary key must hold its
 * partition key (see the header of prisma/postgresql/schema.prisma).
 */
const POSTGRES_ONLY_LINES: Array<{ sqlite: string; postgresql: string }> = [
  { sqlite: "  @@id([traceId, spanId, kind])\n", postgresql: "  @@id([traceId, spanId, kind, startTimeNs]) // PostgreSQL: with the partition key\n" },
  {
    sqlite: '  docId       BigInt @id @default(autoincrement()) @map("doc_id")\n',
    postgresql: '  docId       BigInt @default(autoincrement()) @map("doc_id") // PostgreSQL: the key is below, with the partition key\n',
  },
  {
    sqlite: '  @@index([lastStartNs])\n  @@map("attribute_docs")\n',
    postgresql: '  @@id([docId, lastStartNs]) // PostgreSQL: with the partition key\n  @@index([lastStartNs])\n  @@map("attribute_docs")\n',
  },
];

describe("prisma schemas", () => {
  it("sqliteAndPostgresql_describeTheSameModels_butThePartitionedKeys", () => {
    let expected = models("prisma/schema.prisma");
    for (const { sqlite, postgresql } of POSTGRES_ONLY_LINES) {
      // Each listed difference must be there exactly once, so the list cannot outlive the schemas.
      expect(expected.split(sqlite)).toHaveLength(2);
      expected = expected.replace(sqlite, postgresql);
    }
    expect(models("prisma/postgresql/schema.prisma")).toBe(expected);
  });
});
