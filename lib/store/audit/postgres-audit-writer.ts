import "server-only";
import { nowUnixNano } from "@/lib/tracing/clock";
import { getDb } from "../db";
import type { AuditWriter } from "./audit-writer";

/** The transaction-scoped advisory lock every append takes ("tbau"); any other key is free for other uses. */
const APPEND_LOCK_KEY = 0x74626175;
/** Appends wait their turn for the lock; give a burst of them time rather than failing. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 };

/**
 * Appends through the Prisma client in one transaction holding an advisory lock, so
 * appends from every app instance on this database run one at a time: each reads the
 * head only after the previous append committed (READ COMMITTED takes a fresh snapshot
 * per statement), and the lock is released at commit or rollback.
 */
export function createPostgresAuditWriter(): AuditWriter {
  return {
    append: (seal) =>
      getDb().$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${APPEND_LOCK_KEY})`);
        const head = await tx.auditEvent.findFirst({ select: { seq: true, hash: true }, orderBy: { seq: "desc" } });
        return tx.auditEvent.create({ data: seal(head, nowUnixNano()) });
      }, TRANSACTION_OPTIONS),
    // The shared Prisma client is closed with the app.
    close: async () => {},
  };
}
