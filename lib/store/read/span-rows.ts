import "server-only";
import type { Attributes, SpanKind, StatusCode } from "@/lib/domain/span-record";

/** The span row's own columns that plain-row reads (outside Prisma) select first, in this order. */
export const SPAN_HEAD_COLUMNS = "s.span_id, s.parent_span_id, s.name, s.kind, s.service_name, s.status_code, s.status_message";
/** How many columns SPAN_HEAD_COLUMNS selects. */
export const SPAN_HEAD_LENGTH = 7;
export type SpanHeadRow = [
  spanId: string,
  parentSpanId: string | null,
  name: string,
  kind: SpanKind,
  serviceName: string,
  statusCode: StatusCode,
  statusMessage: string | null,
];

/** `SELECT id, attributes, scope_name, scope_version FROM span_resources ...` as a plain row. */
export type ResourceRow = [id: number, attributes: string, scopeName: string | null, scopeVersion: string | null];

export interface Resource {
  attributes: Attributes;
  scopeName: string | null;
  scopeVersion: string | null;
}

/** Resources by id, each one's attributes parsed once: its spans share the object. */
export function toResources(rows: readonly ResourceRow[]): Map<number, Resource> {
  return new Map(rows.map(([id, attributes, scopeName, scopeVersion]) => [Number(id), { attributes: JSON.parse(attributes) as Attributes, scopeName, scopeVersion }]));
}
