import "server-only";
import { SpanKind } from "@/lib/collector/span-record";
import { withChildSpan } from "@/lib/tracing/child-span";
import { resolveDatabaseTarget, type DatabaseTarget } from "../database-target";
import type { AuditEvent as AuditEventRow } from "../generated/sqlite/client";
import { createPostgresAuditWriter } from "./postgres-audit-writer";
import { openSqliteAuditWriter } from "./sqlite-audit-writer";

export type { AuditEventRow };

/** The last event of the chain. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** Builds the row that follows `head` (null: the chain is empty), stamped `timestampNs`. */
export type SealEvent = (head: ChainHead | null, timestampNs: bigint) => AuditEventRow;

/**
 * Appends to the audit chain. The only write path of audit_events: there is no update
 * or delete. Each append reads the head and inserts its successor under one lock, so
 * concurrent writers (requests, app instances) line up instead of forking the chain;
 * seq is the primary key, so a fork would also fail on insert.
 */
export interface AuditWriter {
  append(seal: SealEvent): Promise<AuditEventRow>;
  close(): Promise<void>;
}

/** Each append is a CLIENT child span of the request being served, like the Prisma queries. */
function traced(writer: AuditWriter, system: DatabaseTarget["provider"]): AuditWriter {
  const attributes = { "db.system.name": system, "db.operation.name": "append", "db.collection.name": "audit_events" };
  return { ...writer, append: (seal) => withChildSpan("append audit_events", { kind: SpanKind.CLIENT, attributes }, () => writer.append(seal)) };
}

/** A writer on the database `target` names, with its own connection; the caller owns it (and closes it). */
export function createAuditWriter(target: DatabaseTarget): AuditWriter {
  const writer = target.provider === "sqlite" ? openSqliteAuditWriter(target.filename) : createPostgresAuditWriter(target.url);
  return traced(writer, target.provider);
}

const globalForAudit = globalThis as unknown as { traceboardAuditWriter?: AuditWriter };

/** The process-wide writer on `DATABASE_URL` (kept on globalThis so dev reloads do not leak connections). */
export function getAuditWriter(): AuditWriter {
  globalForAudit.traceboardAuditWriter ??= createAuditWriter(resolveDatabaseTarget());
  return globalForAudit.traceboardAuditWriter;
}
