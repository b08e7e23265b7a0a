-- CreateTable
CREATE TABLE "rollup_changes" (
    "bucket_start_ns" BIGINT NOT NULL,
    "changes" BIGINT NOT NULL,

    CONSTRAINT "rollup_changes_pkey" PRIMARY KEY ("bucket_start_ns")
);

-- CreateTable
CREATE TABLE "rollup_states" (
    "bucket_start_ns" BIGINT NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "rollup_states_pkey" PRIMARY KEY ("bucket_start_ns")
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

    CONSTRAINT "metric_rollups_pkey" PRIMARY KEY ("bucket_start_ns","service_name","span_name","kind")
);

-- CreateTable
CREATE TABLE "dependency_rollups" (
    "bucket_start_ns" BIGINT NOT NULL,
    "parent_service" TEXT NOT NULL,
    "child_service" TEXT NOT NULL,
    "call_count" INTEGER NOT NULL,
    "error_count" INTEGER NOT NULL,

    CONSTRAINT "dependency_rollups_pkey" PRIMARY KEY ("bucket_start_ns","parent_service","child_service")
);


-- Roll-up change counters (see the RollupChange model): every statement inserting or
-- deleting spans bumps, once, each 5-minute bucket holding one of those spans, its
-- parent or its Zipkin shared counterpart, so cached roll-ups never outlive the spans
-- they summarize. Buckets are locked in order, so concurrent writers cannot deadlock here.
CREATE FUNCTION "spans_rollup_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "rollup_changes" ("bucket_start_ns", "changes")
  SELECT "bucket", 1 FROM (
    SELECT r."start_time_ns" / 300000000000 * 300000000000 AS "bucket" FROM "changed_spans" r
    UNION
    SELECT s."start_time_ns" / 300000000000 * 300000000000 FROM "changed_spans" r
    JOIN "spans" s ON s."trace_id" = r."trace_id" AND s."span_id" IN (r."span_id", r."parent_span_id")
  ) AS "buckets"
  ORDER BY "bucket"
  ON CONFLICT ("bucket_start_ns") DO UPDATE SET "changes" = "rollup_changes"."changes" + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "spans_rollup_changes_insert" AFTER INSERT ON "spans"
  REFERENCING NEW TABLE AS "changed_spans" FOR EACH STATEMENT EXECUTE FUNCTION "spans_rollup_changes"();

CREATE TRIGGER "spans_rollup_changes_delete" AFTER DELETE ON "spans"
  REFERENCING OLD TABLE AS "changed_spans" FOR EACH STATEMENT EXECUTE FUNCTION "spans_rollup_changes"();
