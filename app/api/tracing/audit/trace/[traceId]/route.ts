// GET /api/tracing/audit/trace/{traceId} - audit events recorded in one trace, newest first (the filters of GET /api/tracing/audit apply too)
import { AuditEventsOfTraceEndpoint } from "@/lib/api/contracts/audit";
import { auditListHandler } from "@/lib/audit/list-handler";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(auditListHandler(AuditEventsOfTraceEndpoint), { route: AuditEventsOfTraceEndpoint.path });
