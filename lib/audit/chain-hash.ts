import { createHash } from "node:crypto";
import type { AuditEvent } from "@/lib/api/contracts/audit";
import { canonicalJson } from "./canonical-json";

/** The prevHash of the first event (seq 1). */
export const GENESIS_HASH = "0".repeat(64);

/**
 * The fields an event's hash covers: every field of the stored event (as the API
 * answers it) except `prevHash` and `hash`. A field without a value is `null`, never
 * left out, so the hashed text always has these 17 keys.
 */
export const HASHED_FIELDS = [
  "seq",
  "timestampUnixNano",
  "action",
  "severity",
  "resourceType",
  "resourceId",
  "description",
  "userId",
  "sessionId",
  "engagementId",
  "ipAddress",
  "userAgent",
  "before",
  "after",
  "metadata",
  "traceId",
  "spanId",
] as const satisfies ReadonlyArray<keyof AuditEvent>;

export type HashedAuditEvent = Pick<AuditEvent, (typeof HASHED_FIELDS)[number]>;

/** The canonical JSON text of the hashed fields of `event` (extra fields such as prevHash and hash are ignored). */
export function canonicalEventJson(event: HashedAuditEvent): string {
  return canonicalJson(Object.fromEntries(HASHED_FIELDS.map((field) => [field, event[field] ?? null])));
}

/**
 * hash = lowercase hex SHA-256 of the UTF-8 bytes of `prevHash` (64 hex characters)
 * immediately followed by the event's canonical JSON, no separator.
 */
export function chainHash(prevHash: string, event: HashedAuditEvent): string {
  return createHash("sha256").update(prevHash + canonicalEventJson(event), "utf8").digest("hex");
}
