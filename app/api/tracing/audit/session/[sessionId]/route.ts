// GET /api/tracing/audit/session/{sessionId} - audit events of one session, newest first (the filters of GET /api/tracing/audit apply too)
import { AuditEventsOfSessionEndpoint } from "@/lib/api/contracts/audit";
import { auditListHandler } from "@/lib/audit/list-handler";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(auditListHandler(AuditEventsOfSessionEndpoint), { route: AuditEventsOfSessionEndpoint.path });
