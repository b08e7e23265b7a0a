import "server-only";
import { resolveDatabaseTarget, type DatabaseTarget } from "../database-target";
import { runObservedQuery } from "../query-observer";
import { createPostgresAuditWriter } from "./postgres-audit-writer";
import type { AuditWriter } from "./audit-writer-contract";
import { openSqliteAuditWriter } from "./sqlite-audit-writer";

export type { AuditEventRow, AuditWriter, ChainHead, SealEvent } from "./audit-writer-contract";

/** Each append is reported to the query observer, like the Prisma queries. */
function traced(writer: AuditWriter, system: DatabaseTarget["provider"]): AuditWriter {
  const attributes = { "db.system.name": system, "db.operation.name": "append", "db.collection.name": "audit_events" };
  return { ...writer, append: (seal) => runObservedQuery({ name: "append audit_events", attributes }, () => writer.append(seal)) };
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
