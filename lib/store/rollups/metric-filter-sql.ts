import type { SqlParams } from "../sql-params";

/** Which spans a metrics query counts, besides its time range. */
export interface MetricFilter {
  serviceName?: string;
  spanName?: string;
  kinds?: readonly number[];
}

/** WHERE conditions of a time range and filter; `spanNameColumn` differs between spans (`name`) and roll-ups. */
export function metricConditions(params: SqlParams, timeColumn: string, spanNameColumn: string, from: bigint, to: bigint, filter: MetricFilter): string {
  const conditions = [`${timeColumn} >= ${params.add(from)}`, `${timeColumn} < ${params.add(to)}`];
  if (filter.serviceName !== undefined) conditions.push(`service_name = ${params.add(filter.serviceName)}`);
  if (filter.spanName !== undefined) conditions.push(`${spanNameColumn} = ${params.add(filter.spanName)}`);
  if (filter.kinds) conditions.push(`kind IN (${filter.kinds.map((kind) => params.add(kind)).join(", ")})`);
  return conditions.join(" AND ");
}
