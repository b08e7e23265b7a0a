import { nowUnixNano } from "@/lib/domain/clock";
import { openIngestConnection } from "../sqlite/ingest-connection";
import { auditInsert } from "./audit-columns";
import type { AuditWriter, ChainHead, SealEvent } from "./audit-writer-contract";

const INSERT = auditInsert((field) => `@${field}`);

/**
 * Appends on a dedicated better-sqlite3 connection, each in a BEGIN IMMEDIATE
 * transaction: it takes the database's write lock before reading the head, so another
 * process (or the ingest connection) cannot commit in between, and within this process
 * the synchronous transaction cannot interleave with another append.
 */
export function openSqliteAuditWriter(filename: string): AuditWriter {
  const db = openIngestConnection(filename);
  const readHead = db.prepare("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1");
  const insert = db.prepare(INSERT);
  const append = db.transaction((seal: SealEvent) => {
    const row = seal((readHead.get() as ChainHead | undefined) ?? null, nowUnixNano());
    insert.run(row);
    return row;
  });
  return {
    append: async (seal) => append.immediate(seal),
    close: async () => void db.close(),
  };
}
