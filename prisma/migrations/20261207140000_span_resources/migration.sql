-- Each distinct (resource attributes, instrumentation scope) pair once, spans pointing to
-- it (see the SpanResource model). Written by hand from `prisma migrate diff`: the diff
-- would copy spans into a new table and lose its roll-up triggers; adding and dropping
-- columns keeps them, and the pairs of stored spans are carried over.

-- CreateTable
CREATE TABLE "span_resources" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "digest" TEXT NOT NULL,
    "attributes" TEXT NOT NULL,
    "scope_name" TEXT,
    "scope_version" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "span_resources_digest_key" ON "span_resources"("digest");

-- The stored spans' pairs, with digests no writer computes (a writer adds its own row).
INSERT INTO "span_resources" ("digest", "attributes", "scope_name", "scope_version")
SELECT 'migrated:' || row_number() OVER (), "resource_attributes", "scope_name", "scope_version"
FROM (SELECT DISTINCT "resource_attributes", "scope_name", "scope_version" FROM "spans");

ALTER TABLE "spans" ADD COLUMN "resource_id" INTEGER NOT NULL DEFAULT 0;
UPDATE "spans" SET "resource_id" = (
  SELECT "id" FROM "span_resources" AS "r"
  WHERE "r"."attributes" = "spans"."resource_attributes"
    AND "r"."scope_name" IS "spans"."scope_name" AND "r"."scope_version" IS "spans"."scope_version"
);

ALTER TABLE "spans" DROP COLUMN "resource_attributes";
ALTER TABLE "spans" DROP COLUMN "scope_name";
ALTER TABLE "spans" DROP COLUMN "scope_version";
