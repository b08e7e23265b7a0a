-- Retention removes the change counter of a bucket it emptied (lib/store/rollups), and
-- keeps its state, whose version is the counter's last value. A counter created again
-- (a late span into that bucket) now continues from that version instead of starting
-- over at 1: versions of a bucket only grow, so a roll-up cached at an old version can
-- never pass for a new one.
CREATE OR REPLACE FUNCTION "spans_rollup_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "rollup_changes" ("bucket_start_ns", "changes")
  SELECT "buckets"."bucket", 1 + COALESCE(s."version", 0) FROM (
    SELECT r."start_time_ns" / 300000000000 * 300000000000 AS "bucket" FROM "changed_spans" r
    UNION
    SELECT s."start_time_ns" / 300000000000 * 300000000000 FROM "changed_spans" r
    JOIN "spans" s ON s."trace_id" = r."trace_id" AND s."span_id" = r."span_id"
    UNION
    SELECT s."start_time_ns" / 300000000000 * 300000000000 FROM "changed_spans" r
    JOIN "spans" s ON s."trace_id" = r."trace_id" AND s."span_id" = r."parent_span_id"
  ) AS "buckets" LEFT JOIN "rollup_states" s ON s."bucket_start_ns" = "buckets"."bucket"
  ORDER BY "buckets"."bucket"
  ON CONFLICT ("bucket_start_ns") DO UPDATE SET "changes" = "rollup_changes"."changes" + 1;
  RETURN NULL;
END
$$;
