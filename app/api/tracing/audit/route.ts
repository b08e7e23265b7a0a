// POST /api/tracing/audit - append an audit event; GET - search audit events, newest first
import { ListAuditEventsEndpoint, RecordAuditEventEndpoint } from "@/lib/api/contracts/audit";
import { parseBody } from "@/lib/api/endpoint";
import { readJsonBody } from "@/lib/api/read-json-body";
import { requireAdmin } from "@/lib/api/require-admin";
import { auditListHandler } from "@/lib/audit/list-handler";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requestIdentity } from "@/lib/audit/request-identity";
import { withTracing } from "@/lib/tracing/with-tracing";

export const dynamic = "force-dynamic";

export const POST = withTracing(
  async (request) => {
    const denied = requireAdmin(request);
    if (denied) return denied;
    const json = await readJsonBody(request, undefined);
    if (!json.ok) return json.response;
    const body = parseBody(RecordAuditEventEndpoint.body, json.value);
    if (!body.ok) return body.response;
    const caller = requestIdentity(request);
    const event = await recordAuditEvent({
      ...body.data,
      userId: body.data.userId ?? caller.userId,
      ipAddress: body.data.ipAddress ?? caller.ipAddress,
      userAgent: body.data.userAgent ?? caller.userAgent,
    });
    return Response.json(event, { status: RecordAuditEventEndpoint.successStatus });
  },
  { route: RecordAuditEventEndpoint.path },
);

export const GET = withTracing(auditListHandler(ListAuditEventsEndpoint), { route: ListAuditEventsEndpoint.path });
