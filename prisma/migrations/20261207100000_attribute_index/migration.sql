-- CreateTable (by hand: INTEGER PRIMARY KEY makes doc_id the rowid, which the FTS5 rows share)
CREATE TABLE "attribute_docs" (
    "doc_id" INTEGER NOT NULL PRIMARY KEY,
    "trace_id" TEXT NOT NULL,
    "start_time_ns" BIGINT NOT NULL,
    "last_start_ns" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "attribute_keys" (
    "hour_start_ns" BIGINT NOT NULL,
    "service_name" TEXT NOT NULL,
    "scope" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "span_count" INTEGER NOT NULL,

    PRIMARY KEY ("hour_start_ns", "service_name", "scope", "key")
);

-- CreateTable
CREATE TABLE "attribute_values" (
    "key" TEXT NOT NULL,
    "scope" INTEGER NOT NULL,
    "day_start_ns" BIGINT NOT NULL,
    "value_type" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "span_count" INTEGER NOT NULL,

    PRIMARY KEY ("key", "scope", "day_start_ns", "value_type", "value")
);

-- CreateIndex
CREATE INDEX "attribute_docs_last_start_ns_idx" ON "attribute_docs"("last_start_ns");

-- The tokens of each attribute_docs row (see the AttributeDoc model): contentless, so
-- the tokens are not stored twice; detail=none keeps only which documents hold a token.
CREATE VIRTUAL TABLE "attribute_index" USING fts5("tokens", content='', contentless_delete=1, detail=none);

-- Spans stored before this migration have no documents: while this row exists search
-- reads spans the old way (lib/store/read/attribute-candidates.ts). Retention deletes it
-- once its cutoff passes the latest of those spans, so the index takes over by itself.
CREATE TABLE "attribute_index_gaps" ("last_unindexed_start_ns" BIGINT NOT NULL);
INSERT INTO "attribute_index_gaps" SELECT max("start_time_ns") FROM "spans" HAVING count(*) > 0;
