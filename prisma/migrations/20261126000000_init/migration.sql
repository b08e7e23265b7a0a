-- CreateTable
CREATE TABLE "spans" (
    "trace_id" TEXT NOT NULL,
    "span_id" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "parent_span_id" TEXT,
    "name" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "start_time_ns" BIGINT NOT NULL,
    "end_time_ns" BIGINT NOT NULL,
    "duration_ns" BIGINT NOT NULL,
    "status_code" INTEGER NOT NULL DEFAULT 0,
    "status_message" TEXT,
    "attributes" TEXT NOT NULL DEFAULT '{}',
    "resource_attributes" TEXT NOT NULL DEFAULT '{}',
    "events" TEXT NOT NULL DEFAULT '[]',
    "links" TEXT NOT NULL DEFAULT '[]',
    "scope_name" TEXT,
    "scope_version" TEXT,
    "trace_state" TEXT,

    PRIMARY KEY ("trace_id", "span_id", "kind")
);

-- CreateTable
CREATE TABLE "traces" (
    "trace_id" TEXT NOT NULL PRIMARY KEY,
    "root_service" TEXT,
    "root_name" TEXT,
    "start_time_ns" BIGINT NOT NULL,
    "end_time_ns" BIGINT NOT NULL,
    "duration_ns" BIGINT NOT NULL,
    "span_count" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "services" TEXT NOT NULL DEFAULT '{}'
);

-- CreateIndex
CREATE INDEX "spans_service_name_start_time_ns_idx" ON "spans"("service_name", "start_time_ns");

-- CreateIndex
CREATE INDEX "spans_start_time_ns_idx" ON "spans"("start_time_ns");

-- CreateIndex
CREATE INDEX "traces_start_time_ns_idx" ON "traces"("start_time_ns");

-- CreateIndex
CREATE INDEX "traces_root_service_start_time_ns_idx" ON "traces"("root_service", "start_time_ns");

-- CreateIndex
CREATE INDEX "traces_duration_ns_idx" ON "traces"("duration_ns");

