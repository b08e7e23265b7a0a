-- The attribute index's documents also hold a token per link target (the span a link
-- points at), so "linked from" is an index lookup. Documents written before this have
-- none: like attribute_index_gaps, this one-row table remembers the latest start of a
-- span stored before, so the linked-from answer says it may be incomplete until
-- retention has removed those spans (lib/store/read/link-candidates.ts). Not a Prisma
-- model, as attribute_index_gaps is not. Any stored span counts (max() reads one entry of
-- the start-time index; finding the last span with links would read every span).
CREATE TABLE "link_index_gaps" ("last_unindexed_start_ns" BIGINT NOT NULL);
INSERT INTO "link_index_gaps" SELECT "latest" FROM (SELECT max("start_time_ns") AS "latest" FROM "spans") AS "stored" WHERE "latest" IS NOT NULL;
