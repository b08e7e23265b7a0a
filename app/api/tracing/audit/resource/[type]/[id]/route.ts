// GET /api/tracing/audit/resource/{type}/{id} - audit events of one resource, newest first (the filters of GET /api/tracing/audit apply too)
import { AuditEventsOfResourceEndpoint } from "@/lib/api/contracts/audit";
import { auditListHandler } from "@/lib/audit/list-handler";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const GET = withTracing(auditListHandler(AuditEventsOfResourceEndpoint), { route: AuditEventsOfResourceEndpoint.path });
