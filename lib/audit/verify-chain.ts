import "server-only";
import { readChainPage } from "@/lib/store/audit/audit-reads";
import type { AuditEventRow } from "@/lib/store/audit/audit-writer";
import { toAuditEvent } from "./audit-row";
import { chainHash, GENESIS_HASH } from "./chain-hash";

/** Events read per query while walking the chain (memory stays bounded by one page). */
export const VERIFY_PAGE_SIZE = 1_000;

export interface ChainVerification {
  valid: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
  lastSeq: number | null;
  lastHash: string | null;
}

interface Link {
  seq: number;
  hash: string;
}

/** Why `row` does not follow `previous` in the chain, or null when it does. */
function breakAt(row: AuditEventRow, previous: Link | null): { seq: number; reason: string } | null {
  const expectedSeq = (previous?.seq ?? 0) + 1;
  if (row.seq !== expectedSeq) return { seq: expectedSeq, reason: `missing: the next event is seq ${row.seq}` };
  if (row.prevHash !== (previous?.hash ?? GENESIS_HASH)) return { seq: row.seq, reason: "prevHash mismatch: it is not the previous event's hash" };
  let hash: string;
  try {
    hash = chainHash(row.prevHash, toAuditEvent(row));
  } catch {
    return { seq: row.seq, reason: "unreadable: a JSON field does not parse" };
  }
  return hash === row.hash ? null : { seq: row.seq, reason: "hash mismatch: the event or its hash was changed" };
}

function verification(checked: number, last: Link | null, broken: { seq: number; reason: string } | null): ChainVerification {
  return {
    valid: broken === null,
    checked,
    firstBrokenSeq: broken?.seq ?? null,
    reason: broken?.reason ?? null,
    lastSeq: last?.seq ?? null,
    lastHash: last?.hash ?? null,
  };
}

/**
 * Walks the chain from seq 1 in pages, recomputing each hash, and stops at the first
 * broken link. A deleted tail leaves a valid, shorter chain: compare lastHash with a
 * copy kept elsewhere to see it.
 */
export async function verifyAuditChain(pageSize = VERIFY_PAGE_SIZE): Promise<ChainVerification> {
  let previous: Link | null = null;
  let checked = 0;
  for (;;) {
    const rows = await readChainPage(previous?.seq ?? 0, pageSize);
    for (const row of rows) {
      const broken = breakAt(row, previous);
      if (broken) return verification(checked, previous, broken);
      previous = { seq: row.seq, hash: row.hash };
      checked += 1;
    }
    if (rows.length < pageSize) return verification(checked, previous, null);
  }
}
