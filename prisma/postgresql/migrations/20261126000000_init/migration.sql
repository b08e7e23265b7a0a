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

    CONSTRAINT "spans_pkey" PRIMARY KEY ("trace_id","span_id","kind")
);

-- CreateTable
CREATE TABLE "traces" (
    "trace_id" TEXT NOT NULL,
    "root_service" TEXT NOT NULL,
    "root_name" TEXT NOT NULL,
    "has_root" BOOLEAN NOT NULL,
    "start_time_ns" BIGINT NOT NULL,
    "end_time_ns" BIGINT NOT NULL,
    "duration_ns" BIGINT NOT NULL,
    "span_count" INTEGER NOT NULL,
    "error_count" INTEGER NOT NULL,

    CONSTRAINT "traces_pkey" PRIMARY KEY ("trace_id")
);

-- CreateTable
CREATE TABLE "trace_services" (
    "trace_id" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "start_time_ns" BIGINT NOT NULL,
    "span_count" INTEGER NOT NULL,
    "error_count" INTEGER NOT NULL,

    CONSTRAINT "trace_services_pkey" PRIMARY KEY ("trace_id","service_name")
);

-- CreateTable
CREATE TABLE "operations" (
    "service_name" TEXT NOT NULL,
    "span_name" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "last_seen_ns" BIGINT NOT NULL,

    CONSTRAINT "operations_pkey" PRIMARY KEY ("service_name","span_name","kind")
);

-- CreateIndex
CREATE INDEX "spans_service_name_start_time_ns_idx" ON "spans"("service_name", "start_time_ns");

-- CreateIndex
CREATE INDEX "spans_start_time_ns_idx" ON "spans"("start_time_ns");

-- CreateIndex
CREATE INDEX "traces_start_time_ns_idx" ON "traces"("start_time_ns");

-- CreateIndex
CREATE INDEX "trace_services_service_name_start_time_ns_idx" ON "trace_services"("service_name", "start_time_ns");

