import "server-only";
import { z } from "zod";
import type { AuditPage } from "@/lib/api/contracts/audit";
import { countAuditEvents as countRows, readAuditEvents, type AuditFilter } from "@/lib/store/audit/audit-reads";
import { toAuditEvent } from "./audit-row";

export type { AuditFilter };

export interface PageRequest {
  limit: number;
  /** The nextCursor of the previous page: the seq to continue below. */
  cursor?: number;
}

/** The one listing behind GET /api/tracing/audit, its filtered views and correlate: newest first, keyset-paged on seq. */
export async function listAuditEvents({ limit, cursor, ...filter }: AuditFilter & PageRequest): Promise<z.infer<typeof AuditPage>> {
  const rows = await readAuditEvents(filter, limit + 1, cursor);
  const page = rows.slice(0, limit);
  return { events: page.map(toAuditEvent), nextCursor: rows.length > limit ? String(page[page.length - 1].seq) : null };
}

/** The answer of GET /api/tracing/audit and its filtered views: the query's filters and paging, plus the filters the path fixes. */
export function listAuditPage({ query, params }: { query: AuditFilter & PageRequest; params: AuditFilter }): Promise<z.infer<typeof AuditPage>> {
  return listAuditEvents({ ...query, ...params });
}

export function countAuditEvents(filter: AuditFilter): Promise<number> {
  return countRows(filter);
}
