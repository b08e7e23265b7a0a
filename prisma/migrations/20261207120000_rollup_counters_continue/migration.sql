-- Retention removes the change counter of a bucket it emptied (lib/store/rollups), and
-- keeps its state, whose version is the counter's last value. A counter created again
-- (a late span into that bucket) now continues from that version instead of starting
-- over at 1: versions of a bucket only grow, so a roll-up cached at an old version can
-- never pass for a new one.
DROP TRIGGER "spans_rollup_changes_insert";
DROP TRIGGER "spans_rollup_changes_delete";

CREATE TRIGGER "spans_rollup_changes_insert" AFTER INSERT ON "spans" BEGIN
  INSERT INTO "rollup_changes" ("bucket_start_ns", "changes")
  SELECT "bucket", 1 + COALESCE((SELECT "version" FROM "rollup_states" WHERE "rollup_states"."bucket_start_ns" = "bucket"), 0) FROM (
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
  SELECT "bucket", 1 + COALESCE((SELECT "version" FROM "rollup_states" WHERE "rollup_states"."bucket_start_ns" = "bucket"), 0) FROM (
    SELECT OLD."start_time_ns" / 300000000000 * 300000000000 AS "bucket"
    UNION ALL
    SELECT "start_time_ns" / 300000000000 * 300000000000 FROM "spans" WHERE "trace_id" = OLD."trace_id" AND "span_id" = OLD."parent_span_id"
    UNION ALL
    SELECT "start_time_ns" / 300000000000 * 300000000000 FROM "spans"
    WHERE OLD."kind" IN (2, 3) AND "trace_id" = OLD."trace_id" AND "span_id" = OLD."span_id" AND "kind" <> OLD."kind"
  ) WHERE true
  ON CONFLICT ("bucket_start_ns") DO UPDATE SET "changes" = "changes" + 1;
END;
