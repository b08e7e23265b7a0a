// GET /api/tracing/audit/resource/{type}/{id} - audit events of one resource, newest first (the filters of GET /api/tracing/audit apply too)
import { ListAuditEventsOfResourceEndpoint } from "@/lib/api/contracts/audit";
import { defineRoute } from "@/lib/api/define-route";
import { listAuditPage } from "@/lib/audit/list-audit-events";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(defineRoute(ListAuditEventsOfResourceEndpoint, listAuditPage), { route: ListAuditEventsOfResourceEndpoint.path });
