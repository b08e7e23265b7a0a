import "server-only";
import type { AuditEvent } from "@/lib/api/contracts/audit";
import { getAuditWriter } from "@/lib/store/audit/audit-writer";
import { currentTraceContext } from "@/lib/tracing/context";
import type { AuditAction, AuditSeverity } from "./audit-enums";
import { chainHash, GENESIS_HASH, type HashedAuditEvent } from "./chain-hash";
import { toAuditEventRow } from "./audit-row";
import type { JsonValue } from "./canonical-json";
import { unstorableText } from "@/lib/domain/storable-text";

type Described = Omit<HashedAuditEvent, "seq" | "timestampUnixNano" | "action" | "severity">;

/** What a caller says about an event; the rest (seq, timestamp, hashes) is the chain's. */
export type AuditEventInput = { action: AuditAction; severity?: AuditSeverity } & {
  [F in keyof Described]?: (F extends "before" | "after" | "metadata" ? JsonValue : Described[F]) | null;
};

/**
 * Appends an event to the audit chain and returns it as stored. Without a traceId the
 * event joins the current trace (the request being served) at its current span; a
 * spanId is only taken together with a traceId.
 */
export async function recordAuditEvent(input: AuditEventInput): Promise<AuditEvent> {
  const context = input.traceId ? undefined : currentTraceContext();
  const described: Omit<HashedAuditEvent, "seq" | "timestampUnixNano"> = {
    action: input.action,
    severity: input.severity ?? "info",
    resourceType: input.resourceType ?? null,
    resourceId: input.resourceId ?? null,
    description: input.description ?? null,
    userId: input.userId ?? null,
    sessionId: input.sessionId ?? null,
    engagementId: input.engagementId ?? null,
    ipAddress: input.ipAddress ?? null,
    userAgent: input.userAgent ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    metadata: input.metadata ?? null,
    traceId: input.traceId ?? context?.traceId ?? null,
    spanId: input.traceId ? (input.spanId ?? null) : (context?.spanId ?? null),
  };
  const problem = unstorableText(described);
  // The API refuses such text with a 400; reaching here would poison the chain for good.
  if (problem) throw new RangeError(`audit event ${problem.path.join(".")}: ${problem.message}`);
  let stored: AuditEvent | undefined;
  await getAuditWriter().append((head, timestampNs) => {
    const hashed: HashedAuditEvent = { seq: (head?.seq ?? 0) + 1, timestampUnixNano: timestampNs.toString(), ...described };
    const prevHash = head?.hash ?? GENESIS_HASH;
    stored = { ...hashed, prevHash, hash: chainHash(prevHash, hashed) };
    return toAuditEventRow(stored);
  });
  return stored!;
}
