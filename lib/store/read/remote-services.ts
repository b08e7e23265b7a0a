import "server-only";
import { resolveDatabaseTarget } from "../database-target";
import { getDb } from "../db";
import { SqlParams } from "../sql-params";

/** Distinct values listed at most: a service calls a handful of others. */
const MAX_REMOTE_SERVICES = 1_000;

/**
 * The `peer.service` values (Zipkin's remoteEndpoint.serviceName, as the collector
 * stores it) of the spans of `serviceName` started at or after `sinceNs`: a walk of the
 * (service, start) index, with a substring test before any JSON is parsed.
 */
export async function readRemoteServiceNames(serviceName: string, sinceNs: bigint): Promise<string[]> {
  const params = new SqlParams(resolveDatabaseTarget().provider);
  const sqlite = params.dialect === "sqlite";
  const value = sqlite ? `json_extract(s.attributes, '$."peer.service"')` : `(s.attributes::jsonb ->> 'peer.service')`;
  const where = [
    `s.service_name = ${params.add(serviceName)}`,
    `s.start_time_ns >= ${params.add(sinceNs)}`,
    `${sqlite ? "instr" : "strpos"}(s.attributes, '"peer.service":"') > 0`,
  ];
  const rows = await getDb().$queryRawUnsafe<Array<{ name: unknown }>>(
    `SELECT DISTINCT ${value} AS "name" FROM spans s WHERE ${where.join(" AND ")} LIMIT ${MAX_REMOTE_SERVICES}`,
    ...params.values,
  );
  return rows.flatMap((row) => (typeof row.name === "string" && row.name !== "" ? [row.name] : []));
}
