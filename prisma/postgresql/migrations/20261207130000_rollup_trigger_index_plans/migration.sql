-- The roll-up trigger joins each statement's changed spans to `spans` by primary key. Its
-- plan is cached per connection, so a plan made while `spans` was empty (a fresh database)
-- stayed a hash join over a sequential scan of the whole table: each 5,000-span insert
-- read every stored span, and a first load slowed from 12,500 to 2,700 spans/s within
-- 200,000 spans until the app restarted. Penalizing sequential scans inside the function
-- leaves the primary key as the plan whatever the statistics say (the transition table,
-- which has no index, is still scanned).
ALTER FUNCTION "spans_rollup_changes"() SET enable_seqscan = off;
