-- Scheduled retention runs once per period across every app instance on this database:
-- an instance runs a period's retention only when its conditional UPDATE moves
-- period_start_ns forward to that period (lib/store/retention-claim.ts). One row, id 1.

-- CreateTable
CREATE TABLE "retention_schedule" (
    "id" INTEGER NOT NULL,
    "period_start_ns" BIGINT NOT NULL,

    CONSTRAINT "retention_schedule_pkey" PRIMARY KEY ("id")
);

INSERT INTO "retention_schedule" ("id", "period_start_ns") VALUES (1, 0);
