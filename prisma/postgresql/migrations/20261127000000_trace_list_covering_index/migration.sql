-- DropIndex
DROP INDEX "traces_start_time_ns_idx";

-- CreateIndex
CREATE INDEX "traces_start_time_ns_duration_ns_trace_id_idx" ON "traces"("start_time_ns", "duration_ns", "trace_id");

