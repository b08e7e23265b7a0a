-- CreateTable
CREATE TABLE "rollup_changes" (
    "bucket_start_ns" BIGINT NOT NULL PRIMARY KEY,
    "changes" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "rollup_states" (
    "bucket_start_ns" BIGINT NOT NULL PRIMARY KEY,
    "version" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "metric_rollups" (
    "bucket_start_ns" BIGINT NOT NULL,
    "service_name" TEXT NOT NULL,
    "span_name" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "span_count" INTEGER NOT NULL,
    "error_count" INTEGER NOT NULL,
    "ok_count" INTEGER NOT NULL,
    "duration_sum_ns" BIGINT NOT NULL,
    "histogram" TEXT NOT NULL,

    PRIMARY KEY ("bucket_start_ns", "service_name", "span_name", "kind")
);

-- CreateTable
CREATE TABLE "dependency_rollups" (
    "bucket_start_ns" BIGINT NOT NULL,
    "parent_service" TEXT NOT NULL,
    "child_service" TEXT NOT NULL,
    "call_count" INTEGER NOT NULL,
    "error_count" INTEGER NOT NULL,

    PRIMARY KEY ("bucket_start_ns", "parent_service", "child_service")
);


-- Roll-up change counters (see the RollupChange model): every inserted or deleted span
-- bumps its own 5-minute bucket, its parent's and, for a client or server span, its
-- Zipkin shared counterpart's (primary-key lookups), so cached roll-ups never outlive
-- the spans they summarize. A bucket listed twice is bumped twice: any change will do.
CREATE TRIGGER "spans_rollup_changes_insert" AFTER INSERT ON "spans" BEGIN
  INSERT INTO "rollup_changes" ("bucket_start_ns", "changes")
  SELECT "bucket", 1 FROM (
    SELECT NEW."start_time_ns" / 300000000000 * 300000000000 AS "bucket"
    UNION ALL
    SELECT "start_time_ns" / 300000000000 * 300000000000 FROM "spans" WHERE "trace_id" = NEW."trace_id" AND "span_id" = NEW."parent_span_id"
    UNION ALL
    SELECT "start_time_ns" / 300000000000 * 300000000000 FROM "spans"
    WHERE NEW."kind" IN (2, 3) AND "trace_id" = NEW."trace_id" AND "span_id" = NEW."span_id" AND "kind" <> NEW."kind"
  ) WHERE true
  ON CONFLICT ("bucket_start_ns") DO UPDATE SET "changes" = "changes" + 1;
END;

CREATE TRIGGER "spans_rollup_changes_delete" AFTER DELETE ON "spans" BEGIN
  INSERT INTO "rollup_changes" ("bucket_start_ns", "changes")
  SELECT "bucket", 1 FROM (
    SELECT OLD."start_time_ns" / 300000000000 * 300000000000 AS "bucket"
    UNION ALL
    SELECT "start_time_ns" / 300000000000 * 300000000000 FROM "spans" WHERE "trace_id" = OLD."trace_id" AND "span_id" = OLD."parent_span_id"
    UNION ALL
    SELECT "start_time_ns" / 300000000000 * 300000000000 FROM "spans"
    WHERE OLD."kind" IN (2, 3) AND "trace_id" = OLD."trace_id" AND "span_id" = OLD."span_id" AND "kind" <> OLD."kind"
  ) WHERE true
  ON CONFLICT ("bucket_start_ns") DO UPDATE SET "changes" = "changes" + 1;
END;
