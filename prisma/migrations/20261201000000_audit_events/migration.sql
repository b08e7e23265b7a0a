-- CreateTable
CREATE TABLE "audit_events" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "timestamp_ns" BIGINT NOT NULL,
    "action" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "resource_type" TEXT,
    "resource_id" TEXT,
    "description" TEXT,
    "user_id" TEXT,
    "session_id" TEXT,
    "engagement_id" TEXT,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "before" TEXT,
    "after" TEXT,
    "metadata" TEXT,
    "trace_id" TEXT,
    "span_id" TEXT,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "audit_events_action_seq_idx" ON "audit_events"("action", "seq");

-- CreateIndex
CREATE INDEX "audit_events_severity_seq_idx" ON "audit_events"("severity", "seq");

-- CreateIndex
CREATE INDEX "audit_events_resource_type_resource_id_seq_idx" ON "audit_events"("resource_type", "resource_id", "seq");

-- CreateIndex
CREATE INDEX "audit_events_user_id_seq_idx" ON "audit_events"("user_id", "seq");

-- CreateIndex
CREATE INDEX "audit_events_session_id_seq_idx" ON "audit_events"("session_id", "seq");

-- CreateIndex
CREATE INDEX "audit_events_engagement_id_seq_idx" ON "audit_events"("engagement_id", "seq");

-- CreateIndex
CREATE INDEX "audit_events_trace_id_seq_idx" ON "audit_events"("trace_id", "seq");

-- CreateIndex
CREATE INDEX "audit_events_timestamp_ns_idx" ON "audit_events"("timestamp_ns");

