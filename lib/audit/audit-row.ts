import type { AuditAction, AuditSeverity } from "./audit-enums";
import type { AuditEvent } from "@/lib/api/contracts/audit";
import type { AuditEventRow } from "@/lib/store/audit/audit-writer";
import { canonicalJson, type JsonValue } from "./canonical-json";

/** JSON columns hold canonical JSON text, so parsing and re-canonicalizing gives back the hashed text. */
function toJsonText(value: JsonValue | null): string | null {
  return value === null ? null : canonicalJson(value);
}

function fromJsonText(text: string | null): JsonValue | null {
  return text === null ? null : (JSON.parse(text) as JsonValue);
}

/** A stored row as the API answers it (and as its hash covers it). Throws when a JSON column is not JSON. */
export function toAuditEvent(row: AuditEventRow): AuditEvent {
  const { timestampNs, before, after, metadata, ...fields } = row;
  return {
    ...fields,
    action: fields.action as AuditAction,
    severity: fields.severity as AuditSeverity,
    timestampUnixNano: timestampNs.toString(),
    before: fromJsonText(before),
    after: fromJsonText(after),
    metadata: fromJsonText(metadata),
  };
}

export function toAuditEventRow(event: AuditEvent): AuditEventRow {
  const { timestampUnixNano, before, after, metadata, ...fields } = event;
  return {
    ...fields,
    timestampNs: BigInt(timestampUnixNano),
    before: toJsonText(before as JsonValue | null),
    after: toJsonText(after as JsonValue | null),
    metadata: toJsonText(metadata as JsonValue | null),
  };
}
