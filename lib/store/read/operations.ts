import "server-only";
import { getDb } from "../db";

export interface ServiceOperationCounts {
  serviceName: string;
  kind: number;
  operationCount: number;
  lastSeenNs: bigint;
}

/** Per (service, span kind): how many operations, and the latest start seen; by service name. */
export async function readServiceOperationCounts(): Promise<ServiceOperationCounts[]> {
  const groups = await getDb().operation.groupBy({
    by: ["serviceName", "kind"],
    _count: { _all: true },
    _max: { lastSeenNs: true },
    orderBy: [{ serviceName: "asc" }, { kind: "asc" }],
  });
  return groups.map((group) => ({
    serviceName: group.serviceName,
    kind: group.kind,
    operationCount: group._count._all,
    lastSeenNs: group._max.lastSeenNs ?? 0n,
  }));
}

export interface OperationRow {
  spanName: string;
  kind: number;
  lastSeenNs: bigint;
}

/** The operations of one service (optionally of one kind), by name then kind. */
export async function readOperations(serviceName: string, kind?: number): Promise<OperationRow[]> {
  return getDb().operation.findMany({
    where: { serviceName, kind },
    select: { spanName: true, kind: true, lastSeenNs: true },
    orderBy: [{ spanName: "asc" }, { kind: "asc" }],
  });
}

export async function hasService(serviceName: string): Promise<boolean> {
  return (await getDb().operation.findFirst({ where: { serviceName }, select: { kind: true } })) !== null;
}
