import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { parseParams, parseQuery } from "@/lib/api/endpoint";
import { listAuditEvents, type AuditFilter, type PageRequest } from "./list-audit-events";

interface ListEndpoint {
  query: z.ZodType<AuditFilter & PageRequest, unknown>;
  params: z.ZodType<AuditFilter, unknown>;
}

/** The GET handler of an audit list route: query filters and paging, plus the filters its path fixes. */
export function auditListHandler(endpoint: ListEndpoint) {
  return async (request: NextRequest, route: { params?: Promise<Record<string, string>> } | undefined): Promise<Response> => {
    const params = await parseParams(endpoint.params, route?.params);
    if (!params.ok) return params.response;
    const query = parseQuery(endpoint.query, request);
    if (!query.ok) return query.response;
    return Response.json(await listAuditEvents({ ...query.data, ...params.data }));
  };
}
