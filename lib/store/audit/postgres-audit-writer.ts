import pg from "pg";
import { nowUnixNano } from "@/lib/domain/clock";
import { inTransaction } from "../postgres/in-transaction";
import { POSTGRES_SESSION_OPTIONS } from "../postgres/session-options";
import { AUDIT_FIELDS, auditInsert } from "./audit-columns";
import type { AuditWriter, ChainHead } from "./audit-writer-contract";

/** The transaction-scoped advisory lock every append takes ("tbau"); any other key is free for other uses. */
export const APPEND_LOCK_KEY = 0x74626175;
/** Appends run one at a time anyway; a second connection only lets one wait at the lock while another commits. */
const POOL_SIZE = 2;

const INSERT = auditInsert((_field, index) => `$${index + 1}`);

/**
 * Appends on a small pg pool of its own (an append through a Prisma interactive
 * transaction measured 150 ms; this takes a few), each in one transaction holding an
 * advisory lock, so appends from every app instance on this database run one at a
 * time: the head is read only after the lock is held, by a statement whose READ
 * COMMITTED snapshot sees the previous append's commit, and the lock is released at
 * commit or rollback.
 */
export function createPostgresAuditWriter(url: string): AuditWriter {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, options: POSTGRES_SESSION_OPTIONS });
  pool.on("error", (error) => console.error(`[traceboard] idle PostgreSQL audit connection failed: ${error.message}`));
  return {
    append: (seal) =>
      inTransaction(pool, async (client) => {
        await client.query("SELECT pg_advisory_xact_lock($1)", [APPEND_LOCK_KEY]);
        const { rows } = await client.query<ChainHead>("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1");
        const row = seal(rows[0] ?? null, nowUnixNano());
        await client.query(INSERT, AUDIT_FIELDS.map((field) => (typeof row[field] === "bigint" ? row[field].toString() : row[field])));
        return row;
      }),
    close: () => pool.end(),
  };
}
