// GET /api/tracing/audit/trace/{traceId} - audit events recorded in one trace, newest first (the filters of GET /api/tracing/audit apply too)
import { ListAuditEventsOfTraceEndpoint } from "@/lib/api/contracts/audit";
import { defineRoute } from "@/lib/api/define-route";
import { listAuditPage } from "@/lib/audit/list-audit-events";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListAuditEventsOfTraceEndpoint, listAuditPage), { route: ListAuditEventsOfTraceEndpoint.path });
