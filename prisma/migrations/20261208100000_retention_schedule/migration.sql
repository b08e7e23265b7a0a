-- Scheduled retention runs once per period across every app instance on this database:
-- an instance runs a period's retention only when its conditional UPDATE moves
-- period_start_ns forward to that period (lib/store/retention-claim.ts). One row, id 1.

-- CreateTable (as Prisma generates it for the RetentionSchedule model)
CREATE TABLE "retention_schedule" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "period_start_ns" BIGINT NOT NULL
);

INSERT INTO "retention_schedule" ("id", "period_start_ns") VALUES (1, 0);
