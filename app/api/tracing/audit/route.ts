// POST /api/tracing/audit - append an audit event; GET - search audit events, newest first
import { ListAuditEventsEndpoint, RecordAuditEventEndpoint } from "@/lib/api/contracts/audit";
import { defineRoute } from "@/lib/api/define-route";
import { listAuditPage } from "@/lib/audit/list-audit-events";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requestIdentity } from "@/lib/audit/request-identity";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const POST = withTracing(
  defineRoute(RecordAuditEventEndpoint, ({ body, request }) => {
    const caller = requestIdentity(request);
    return recordAuditEvent({
      ...body,
      userId: body.userId ?? caller.userId,
      ipAddress: body.ipAddress ?? caller.ipAddress,
      userAgent: body.userAgent ?? caller.userAgent,
    });
  }),
  { route: RecordAuditEventEndpoint.path },
);

export const GET = withTracing(defineRoute(ListAuditEventsEndpoint, listAuditPage), { route: ListAuditEventsEndpoint.path });
