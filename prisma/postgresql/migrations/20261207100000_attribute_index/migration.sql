-- CreateTable
CREATE TABLE "attribute_docs" (
    "doc_id" BIGSERIAL NOT NULL,
    "trace_id" TEXT NOT NULL,
    "start_time_ns" BIGINT NOT NULL,
    "last_start_ns" BIGINT NOT NULL,
    -- Not in the Prisma model (see AttributeDoc): the document's hashed tokens.
    "tokens" BIGINT[] NOT NULL,

    CONSTRAINT "attribute_docs_pkey" PRIMARY KEY ("doc_id")
);

-- CreateTable
CREATE TABLE "attribute_keys" (
    "hour_start_ns" BIGINT NOT NULL,
    "service_name" TEXT NOT NULL,
    "scope" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "span_count" INTEGER NOT NULL,

    CONSTRAINT "attribute_keys_pkey" PRIMARY KEY ("hour_start_ns","service_name","scope","key")
);

-- CreateTable
CREATE TABLE "attribute_values" (
    "key" TEXT NOT NULL,
    "scope" INTEGER NOT NULL,
    "day_start_ns" BIGINT NOT NULL,
    "value_type" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "span_count" INTEGER NOT NULL,

    CONSTRAINT "attribute_values_pkey" PRIMARY KEY ("key","scope","day_start_ns","value_type","value")
);

-- CreateIndex
CREATE INDEX "attribute_docs_last_start_ns_idx" ON "attribute_docs"("last_start_ns");

-- Token lookups; fastupdate queues new entries in a pending list merged in bulk, so
-- ingest does not update one posting tree per token.
CREATE INDEX "attribute_docs_tokens_idx" ON "attribute_docs" USING GIN ("tokens") WITH (fastupdate = on);

-- Spans stored before this migration have no documents: while this row exists search
-- reads spans the old way (lib/store/read/attribute-candidates.ts). Retention deletes it
-- once its cutoff passes the latest of those spans, so the index takes over by itself.
CREATE TABLE "attribute_index_gaps" ("last_unindexed_start_ns" BIGINT NOT NULL);
INSERT INTO "attribute_index_gaps" SELECT max("start_time_ns") FROM "spans" HAVING count(*) > 0;
