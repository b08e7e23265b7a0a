import "server-only";
import { getDb } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import type { AuditEventRow } from "./audit-writer-contract";

/** Exact matches, AND-ed; start and end bound the timestamp (unix ns, inclusive). */
export interface AuditFilter {
  action?: string;
  severity?: string;
  resourceType?: string;
  resourceId?: string;
  userId?: string;
  sessionId?: string;
  engagementId?: string;
  traceId?: string;
  start?: bigint;
  end?: bigint;
}

function whereOf({ start, end, ...matches }: AuditFilter): Prisma.AuditEventWhereInput {
  const timestampNs = start === undefined && end === undefined ? undefined : { gte: start, lte: end };
  return { ...matches, timestampNs };
}

/** Up to `limit` events matching `filter` with seq below `beforeSeq`, newest (highest seq) first. */
export function readAuditEvents(filter: AuditFilter, limit: number, beforeSeq?: number): Promise<AuditEventRow[]> {
  const where = whereOf(filter);
  if (beforeSeq !== undefined) where.seq = { lt: beforeSeq };
  return getDb().auditEvent.findMany({ where, orderBy: { seq: "desc" }, take: limit });
}

/** The first `limit` events matching `filter`, oldest first. */
export function readFirstAuditEvents(filter: AuditFilter, limit: number): Promise<AuditEventRow[]> {
  return getDb().auditEvent.findMany({ where: whereOf(filter), orderBy: { seq: "asc" }, take: limit });
}

/** Up to `size` events with seq above `afterSeq`, in chain order. */
export function readChainPage(afterSeq: number, size: number): Promise<AuditEventRow[]> {
  return getDb().auditEvent.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: size });
}

export function countAuditEvents(filter: AuditFilter): Promise<number> {
  return getDb().auditEvent.count({ where: whereOf(filter) });
}

/** Event counts per value of `field` (unordered). */
export async function countAuditEventsBy(filter: AuditFilter, field: "action" | "severity"): Promise<Array<{ value: string; count: number }>> {
  const groups = await getDb().auditEvent.groupBy({ by: [field], where: whereOf(filter), _count: { _all: true } });
  return groups.map((group) => ({ value: group[field], count: group._count._all }));
}

export interface ActorRow {
  userId: string | null;
  count: number;
  firstNs: bigint;
  lastNs: bigint;
}

export async function readActors(filter: AuditFilter): Promise<ActorRow[]> {
  const groups = await getDb().auditEvent.groupBy({
    by: ["userId"],
    where: whereOf(filter),
    _count: { _all: true },
    _min: { timestampNs: true },
    _max: { timestampNs: true },
  });
  return groups.map((group) => ({ userId: group.userId, count: group._count._all, firstNs: group._min.timestampNs!, lastNs: group._max.timestampNs! }));
}

export interface ResourceActionRow {
  resourceType: string | null;
  resourceId: string | null;
  action: string;
  count: number;
}

/** Event counts per (resource type, resource id, action), for events naming a resource. */
export async function readResourceActions(filter: AuditFilter): Promise<ResourceActionRow[]> {
  const where: Prisma.AuditEventWhereInput = { ...whereOf(filter), OR: [{ resourceType: { not: null } }, { resourceId: { not: null } }] };
  const groups = await getDb().auditEvent.groupBy({ by: ["resourceType", "resourceId", "action"], where, _count: { _all: true } });
  return groups.map(({ resourceType, resourceId, action, _count }) => ({ resourceType, resourceId, action, count: _count._all }));
}

const NANOS_PER_DAY = 86_400_000_000_000n;
const MAX_INT64 = 9_223_372_036_854_775_807n;

/** Event counts per UTC day (days since the epoch), oldest first, within an optional timestamp window. */
export async function countAuditEventsPerDay(start = 0n, end = MAX_INT64): Promise<Array<{ day: number; count: number }>> {
  // Integer division on both SQLite and PostgreSQL (bigint / bigint).
  const rows = await getDb().$queryRaw<Array<{ day: bigint | number; count: bigint | number }>>`
    SELECT timestamp_ns / ${NANOS_PER_DAY} AS day, COUNT(*) AS count FROM audit_events
    WHERE timestamp_ns >= ${start} AND timestamp_ns <= ${end} GROUP BY 1 ORDER BY 1`;
  return rows.map((row) => ({ day: Number(row.day), count: Number(row.count) }));
}
