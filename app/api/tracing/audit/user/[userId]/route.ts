// GET /api/tracing/audit/user/{userId} - audit events of one actor, newest first (the filters of GET /api/tracing/audit apply too)
import { ListAuditEventsOfUserEndpoint } from "@/lib/api/contracts/audit";
import { defineRoute } from "@/lib/api/define-route";
import { listAuditPage } from "@/lib/audit/list-audit-events";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListAuditEventsOfUserEndpoint, listAuditPage), { route: ListAuditEventsOfUserEndpoint.path });
