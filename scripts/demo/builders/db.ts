// Database CLIENT spans with the stable database semantic conventions: PostgreSQL
// queries (one database per service on a shared cluster) and Redis commands.
import { SpanKind, SpanStatusCode, type Attributes } from "@opentelemetry/api";
import {
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_NAMESPACE,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_SUMMARY,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_RESPONSE_STATUS_CODE,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from "@opentelemetry/semantic-conventions";
import { ms } from "../latency";
import { span, type PlanException, type PlanNode } from "../plan";
import type { Random } from "../random";
import { SCOPES } from "../scopes";
import type { ServiceName } from "../services";
import { ATTR_DB_RESPONSE_RETURNED_ROWS } from "./incubating";

export const POSTGRES_HOST = "postgres-primary.db.svc.cluster.local";
export const REDIS_HOST = "redis-master.cache.svc.cluster.local";

export interface SqlSpec {
  service: ServiceName;
  /** `db.namespace`: the service's database. */
  database: string;
  /** `db.operation.name`: SELECT, INSERT, BEGIN, ... */
  operation: string;
  /** `db.collection.name`, when the statement has one table. */
  table?: string;
  text: string;
  medianMs: number;
  rows?: number;
  /** The query failed: SQLSTATE and the driver's exception. */
  failure?: { sqlState: string; exception: PlanException };
}

export function sql(random: Random, spec: SqlSpec): PlanNode {
  const summary = spec.table ? `${spec.operation} ${spec.table}` : spec.operation;
  const attributes: Attributes = {
    [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL,
    [ATTR_DB_NAMESPACE]: spec.database,
    [ATTR_DB_OPERATION_NAME]: spec.operation,
    [ATTR_DB_QUERY_TEXT]: spec.text,
    [ATTR_DB_QUERY_SUMMARY]: summary,
    [ATTR_SERVER_ADDRESS]: POSTGRES_HOST,
    [ATTR_SERVER_PORT]: 5432,
  };
  if (spec.table) attributes[ATTR_DB_COLLECTION_NAME] = spec.table;
  if (spec.rows !== undefined) attributes[ATTR_DB_RESPONSE_RETURNED_ROWS] = spec.rows;
  if (spec.failure) {
    attributes[ATTR_DB_RESPONSE_STATUS_CODE] = spec.failure.sqlState;
    attributes[ATTR_ERROR_TYPE] = spec.failure.exception.type;
  }
  return span({
    service: spec.service,
    scope: SCOPES.pg.name,
    name: summary,
    kind: SpanKind.CLIENT,
    attributes,
    status: spec.failure
      ? { code: SpanStatusCode.ERROR, message: spec.failure.exception.message }
      : { code: SpanStatusCode.UNSET },
    exception: spec.failure?.exception,
    delay: ms(random, 0.03),
    after: ms(random, spec.medianMs),
  });
}

export interface RedisSpec {
  service: ServiceName;
  command: string;
  /** The command as sent, with values elided: `GET cart:u_123`. */
  text: string;
  medianMs?: number;
}

export function redis(random: Random, spec: RedisSpec): PlanNode {
  return span({
    service: spec.service,
    scope: SCOPES.redis.name,
    name: spec.command,
    kind: SpanKind.CLIENT,
    attributes: {
      [ATTR_DB_SYSTEM_NAME]: "redis",
      [ATTR_DB_NAMESPACE]: "0",
      [ATTR_DB_OPERATION_NAME]: spec.command,
      [ATTR_DB_QUERY_TEXT]: spec.text,
      [ATTR_SERVER_ADDRESS]: REDIS_HOST,
      [ATTR_SERVER_PORT]: 6379,
    },
    delay: ms(random, 0.02),
    after: ms(random, spec.medianMs ?? 0.4),
  });
}
