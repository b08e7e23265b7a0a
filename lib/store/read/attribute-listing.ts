import "server-only";
import { resolveDatabaseTarget } from "../database-target";
import { getDb } from "../db";
import { DAY_NS, floorTo, HOUR_NS, OVERFLOW_TYPE, SCOPE_NUMBER } from "../attributes/attribute-counts";
import { ATTRIBUTE_SCOPES, type AttributeScope } from "../attributes/attribute-tokens";
import { SqlParams } from "../sql-params";

export interface AttributeListing {
  /** Inclusive window of span starts, unix nanoseconds; rounded out to the hours (keys) or days (values) the counts are kept by. */
  startNs: bigint;
  endNs: bigint;
  /** Both when absent. */
  scope?: AttributeScope;
  limit: number;
}

export interface KeyCount {
  key: string;
  scope: AttributeScope;
  spanCount: number;
}

/** Keys by span count (then key), over the hours the window touches, of one service or all. */
export async function readAttributeKeys(listing: AttributeListing & { serviceName?: string }): Promise<KeyCount[]> {
  const params = new SqlParams(resolveDatabaseTarget().provider);
  const where = [`hour_start_ns >= ${params.add(floorTo(listing.startNs, HOUR_NS))}`, `hour_start_ns <= ${params.add(listing.endNs)}`];
  if (listing.serviceName !== undefined) where.push(`service_name = ${params.add(listing.serviceName)}`);
  if (listing.scope !== undefined) where.push(`scope = ${params.add(SCOPE_NUMBER[listing.scope])}`);
  const rows = await getDb().$queryRawUnsafe<Array<{ key: string; scope: number; spanCount: string }>>(
    `SELECT key, scope, CAST(sum(span_count) AS TEXT) AS "spanCount" FROM attribute_keys WHERE ${where.join(" AND ")}
     GROUP BY key, scope ORDER BY sum(span_count) DESC, key, scope LIMIT ${Math.trunc(listing.limit)}`,
    ...params.values,
  );
  return rows.map((row) => ({ key: row.key, scope: ATTRIBUTE_SCOPES[Number(row.scope)], spanCount: Number(row.spanCount) }));
}

export interface ValueCount {
  valueType: string;
  value: string;
  spanCount: number;
}

/**
 * Values of `key` by span count (then value), over the days the window touches, and
 * whether the list is complete (no day of the key passed the per-day cap).
 */
export async function readAttributeValues(key: string, listing: AttributeListing & { prefix?: string }): Promise<{ values: ValueCount[]; complete: boolean }> {
  const params = new SqlParams(resolveDatabaseTarget().provider);
  const where = [
    `key = ${params.add(key)}`,
    `day_start_ns >= ${params.add(floorTo(listing.startNs, DAY_NS))}`,
    `day_start_ns <= ${params.add(listing.endNs)}`,
  ];
  if (listing.scope !== undefined) where.push(`scope = ${params.add(SCOPE_NUMBER[listing.scope])}`);
  // A function: SQLite's `?` are positional, so each use adds its value where it appears.
  const overflow = () => `value_type = ${params.add(OVERFLOW_TYPE)}`;
  // The cap's marker row matches any prefix: an incomplete list stays marked incomplete.
  if (listing.prefix) {
    const startsWith = params.dialect === "sqlite" ? `instr(value, ${params.add(listing.prefix)}) = 1` : `starts_with(value, ${params.add(listing.prefix)})`;
    where.push(`(${startsWith} OR ${overflow()})`);
  }
  const rows = await getDb().$queryRawUnsafe<Array<{ valueType: string; value: string; spanCount: string }>>(
    `SELECT value_type AS "valueType", value, CAST(sum(span_count) AS TEXT) AS "spanCount" FROM attribute_values WHERE ${where.join(" AND ")}
     GROUP BY value_type, value ORDER BY ${overflow()} DESC, sum(span_count) DESC, value, value_type LIMIT ${Math.trunc(listing.limit) + 1}`,
    ...params.values,
  );
  const complete = rows[0]?.valueType !== OVERFLOW_TYPE;
  const values = rows.filter((row) => row.valueType !== OVERFLOW_TYPE).slice(0, listing.limit);
  return { values: values.map((row) => ({ valueType: row.valueType, value: row.value, spanCount: Number(row.spanCount) })), complete };
}
