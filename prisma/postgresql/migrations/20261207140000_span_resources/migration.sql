-- Each distinct (resource attributes, instrumentation scope) pair once, spans pointing to
-- it (see the SpanResource model). From `prisma migrate diff`, with the pairs of stored
-- spans carried over before their columns go.

-- CreateTable
CREATE TABLE "span_resources" (
    "id" SERIAL NOT NULL,
    "digest" TEXT NOT NULL,
    "attributes" TEXT NOT NULL,
    "scope_name" TEXT,
    "scope_version" TEXT,

    CONSTRAINT "span_resources_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "span_resources_digest_key" ON "span_resources"("digest");

-- The stored spans' pairs, with digests no writer computes (a writer adds its own row).
INSERT INTO "span_resources" ("digest", "attributes", "scope_name", "scope_version")
SELECT 'migrated:' || row_number() OVER (), "resource_attributes", "scope_name", "scope_version"
FROM (SELECT DISTINCT "resource_attributes", "scope_name", "scope_version" FROM "spans") AS "pairs";

-- AlterTable
ALTER TABLE "spans" ADD COLUMN "resource_id" INTEGER;
UPDATE "spans" AS "s" SET "resource_id" = "r"."id" FROM "span_resources" AS "r"
WHERE "r"."attributes" = "s"."resource_attributes"
  AND "r"."scope_name" IS NOT DISTINCT FROM "s"."scope_name" AND "r"."scope_version" IS NOT DISTINCT FROM "s"."scope_version";
ALTER TABLE "spans" ALTER COLUMN "resource_id" SET NOT NULL,
DROP COLUMN "resource_attributes",
DROP COLUMN "scope_name",
DROP COLUMN "scope_version";
