// GET /api/tracing/audit/user/{userId} - audit events of one actor, newest first (the filters of GET /api/tracing/audit apply too)
import { AuditEventsOfUserEndpoint } from "@/lib/api/contracts/audit";
import { auditListHandler } from "@/lib/audit/list-handler";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(auditListHandler(AuditEventsOfUserEndpoint), { route: AuditEventsOfUserEndpoint.path });
