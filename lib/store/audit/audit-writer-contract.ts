import type { AuditEvent as AuditEventRow } from "../generated/sqlite/client";

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
