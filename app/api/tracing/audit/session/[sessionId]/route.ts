// GET /api/tracing/audit/session/{sessionId} - audit events of one session, newest first (the filters of GET /api/tracing/audit apply too)
import { ListAuditEventsOfSessionEndpoint } from "@/lib/api/contracts/audit";
import { defineRoute } from "@/lib/api/define-route";
import { listAuditPage } from "@/lib/audit/list-audit-events";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListAuditEventsOfSessionEndpoint, listAuditPage), { route: ListAuditEventsOfSessionEndpoint.path });
